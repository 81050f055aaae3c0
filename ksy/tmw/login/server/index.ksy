meta:
  id: tmw_login_server
  title: The Mana World login server, packets sent by the server
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - '0063'
    - '0069'
    - '006a'
    - '0081'
    - '7531'
  endian: le
doc: |
  One packet sent by the TMW login server (tmwAthena) to a client: the u2 packet id, then the
  packet it names. TMW has no frame header and no encryption: a TCP stream is these packets
  back to back, and each packet spec knows its own length (stream.ksy).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows (little-endian, like every TMW integer).
  - id: body
    type:
      switch-on: packet_id
      cases:
        packet_id::update_host: tmw_login_server_0063_update_host
        packet_id::login_data: tmw_login_server_0069_login_data
        packet_id::login_error: tmw_login_server_006a_login_error
        packet_id::connection_problem: tmw_login_server_0081_connection_problem
        packet_id::server_version: tmw_login_server_7531_server_version
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0063:
      id: update_host
      -orig-id: SMSG_UPDATE_HOST
      doc: Update Host (the seed's "Host Update"); variable length.
    0x0069:
      id: login_data
      -orig-id: SMSG_LOGIN_DATA
      doc: Login Data, the char-server list; variable length (47 + 32 per char-server).
    0x006a:
      id: login_error
      -orig-id: SMSG_LOGIN_ERROR
      doc: Login Error; 23 bytes.
    0x0081:
      id: connection_problem
      -orig-id: SMSG_CONNECTION_PROBLEM
      doc: Connection Problem; 3 bytes.
    0x7531:
      id: server_version
      -orig-id: SMSG_SERVER_VERSION_RESPONSE
      doc: Server Version, the answer to 0x7530; 10 bytes.
