meta:
  id: pangya_loginservice_server_0006_chat_macro_list
  title: LoginService Server Chat Macro List
  application: PangYa
  license: ISC
  ks-version: '0.11'
  encoding: ISO-8859-11
  endian: le
doc: |
  The user's nine chat macros, sent after a successful login. The client changes them with
  GameService client 0x0069 Chat Macro Update, which carries the same nine 64-byte strings.
  Always 2 + 9 * 64 = 578 bytes.

  SuperSS-Dev writes its `chat_macro_user` struct (`char macro[9][64]`, zeroed before the
  texts are copied in) with addBuffer; hsreina writes nine strings with WriteStr(text, 64).
  In hsreina the packet id is TSLPID.PLAYER_MACROS.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0006.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/gameservice/client/0069.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Projeto%20IOCP/TYPE/pangya_st.h
  - https://github.com/hsreina/pangya-server/blob/develop/src/Packets/Server/PlayerMacrosPacket.pas
seq:
  - id: macros
    -orig-id: chat_macro
    type: strz
    size: 64
    repeat: expr
    repeat-expr: 9
    doc: |
      Text of each macro, NUL-padded to 64 bytes (no NUL when it is 64 bytes long). No capture of this packet exists, so whether an
      official server leaves stale bytes after the NUL (as it does in server list names) is not
      known: building writes zero bytes after the NUL; bytes after a NUL are not kept.
