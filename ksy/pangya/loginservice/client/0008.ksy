meta:
  id: pangya_loginservice_client_0008_select_character
  title: LoginService Client Select Character
  application: PangYa
  license: ISC
  ks-version: '0.11'
  endian: le
-orig-id: PLAYER_SELECT_CHARCTER
doc: |
  Picks the first character on a first login, after the server asked for one (LoginService
  server 0x0001 with status need_select_character). SuperSS-Dev and pangbox/server answer with
  server packet 0x0011 (not in packetdoc) and then complete the login.

  packetdoc reads a u4 character id and a u2 hair colour. SuperSS-Dev reads the last two
  bytes as two u1 (`default_hair`, at most 9, and `default_shirts`, which must be 0) and so
  does pangbox/server (`HairColor` and an unknown byte); the spec follows them. The TH
  capture sends hair colour 2 and 0.

  In hsreina/pangya-server the packet id is TCLPID.PLAYER_SELECT_CHARCTER.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/0008.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/msgclient.go
  - examples/pangya/loginservice/client/TH.R6.829.01/0008-190812.0139-0007-9e06.bin
seq:
  - id: character_type_id
    -orig-id: character_id
    type: u4
    doc: |
      The character, as its item type id in the game data (IFF): SuperSS-Dev looks it up
      with findCharacter, pangbox/server uses the low byte as the character's index. The TH
      capture picks 0x04000009.
  - id: hair_color
    -orig-id: hair_color
    type: u1
    doc: Hair colour of the character (SuperSS-Dev `default_hair`, refused above 9).
  - id: shirt
    -orig-id: default_shirts
    type: u1
    -pkttools-default: 0
    doc: |
      SuperSS-Dev `default_shirts`, refused unless 0; pangbox/server reads it as an unknown
      byte; packetdoc counts it as the high byte of a u2 hair colour. 0 in the capture, and
      what building writes when it is not given.
