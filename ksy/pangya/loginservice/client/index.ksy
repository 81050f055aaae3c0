meta:
  id: pangya_loginservice_client
  title: PangYa LoginService, packets sent by the client
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - '0001'
    - '0003'
    - '0004'
    - '0006'
    - '0007'
    - '0008'
    - '000b'
  endian: le
doc: |
  One decrypted, decompressed packet payload sent by the PangYa client to the LoginService:
  the u2 packet id, then the packet it names. Open this spec in the Web IDE to read a whole
  captured payload.

  On the wire the payload is encrypted and framed (packetdoc's protocol page); this spec starts
  after that is undone, as packetdoc's examples are stored. The packets are the ones packetdoc
  documents for this direction; hsreina/pangya-server (TCLPID), pangbox/server and SuperSS-Dev
  handle the same ids.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/index.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/protocol.md
  - https://github.com/hsreina/pangya-server/blob/develop/src/Packets/PacketsDef.pas
  - https://github.com/pangbox/server/blob/master/login/msgclient.go
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows.
  - id: body
    type:
      switch-on: packet_id
      cases:
        packet_id::login: pangya_loginservice_client_0001_login
        packet_id::select_server: pangya_loginservice_client_0003_select_server
        packet_id::ghost: pangya_loginservice_client_0004_ghost
        packet_id::set_nickname: pangya_loginservice_client_0006_set_nickname
        packet_id::check_nickname: pangya_loginservice_client_0007_check_nickname
        packet_id::select_character: pangya_loginservice_client_0008_select_character
        packet_id::reconnect: pangya_loginservice_client_000b_reconnect
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0001:
      id: login
      -orig-id: PLAYER_LOGIN
      doc: User name and password (TCLPID.PLAYER_LOGIN in hsreina/pangya-server).
    0x0003:
      id: select_server
      -orig-id: PLAYER_SELECT_SERVER
      doc: The game server the user picked (TCLPID.PLAYER_SELECT_SERVER).
    0x0004:
      id: ghost
      doc: End the previous session after error already_logged_in (not in hsreina's table).
    0x0006:
      id: set_nickname
      -orig-id: PLAYER_SET_NICKNAME
      doc: Set the nickname on a first login (TCLPID.PLAYER_SET_NICKNAME).
    0x0007:
      id: check_nickname
      -orig-id: PLAYER_CONFIRM
      doc: Is this nickname allowed? (TCLPID.PLAYER_CONFIRM).
    0x0008:
      id: select_character
      -orig-id: PLAYER_SELECT_CHARCTER
      doc: The first character, on a first login (TCLPID.PLAYER_SELECT_CHARCTER).
    0x000b:
      id: reconnect
      -orig-id: PLAYER_RECONNECT
      doc: Log in again with an earlier login key (TCLPID.PLAYER_RECONNECT).
