meta:
  id: pangya_server_info
  title: PangYa server list entry (game server or messenger server)
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - fixed_text
  encoding: ISO-8859-11
  endian: le
doc: |
  One 92-byte entry of a server list: the game servers of LoginService server 0x0002 and the
  messenger servers of LoginService server 0x0009 (and, per packetdoc, GameService server 0x009F
  and 0x00FC). packetdoc describes the entry twice, inline in 0x0002 (`server`) and as the
  common type `message_server`, with the same 92 bytes; SuperSS-Dev writes both lists from one
  packed C struct (`ServerInfo`, copied with addBuffer) and pangbox/server from one Go struct
  (`ServerEntry`), so the spec has one type.

  Field names follow packetdoc where it names the bytes, and SuperSS-Dev's `ServerInfo` where
  packetdoc calls them unknown. Which flag and boost bits mean what differs between regions;
  each field's doc gives what each source says and the values in the Thai (TH.R6.829.01)
  captures.

  The two text fields are fixed arrays of `char` (40 and 18 bytes). packetdoc reads them as
  `strz`, text up to the first NUL. The Thai server sends stale memory after the NUL (e.g. the
  game server list capture: `สุขุมวิท`, NUL, then `51 00 00 .. 48 31 da 14 ..`), so both are
  `pangya_fixed_text`: the text up to the NUL in `value`, the bytes after it in `after_nul`.
  Parsed data rebuilds byte for byte; built from a name alone, the rest of the array is zeros.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0002.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/common/message_server.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/gameservice/server/009f.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Projeto%20IOCP/TYPE/pangya_st.h
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Projeto%20IOCP/PANGYA_DB/cmd_server_list.cpp
  - https://github.com/pangbox/server/blob/master/login/msgserver.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Sync/SyncServer.pas
  - examples/pangya/loginservice/server/TH.R6.829.01/0002-190812.0431-0003-0803.bin
seq:
  - id: name
    -orig-id: name
    size: 40
    type: pangya_fixed_text
    doc: |
      Display name of the server (SuperSS-Dev `nome`, `char[40]`): the text before the first
      NUL, and in `after_nul` the rest of the 40 bytes, whatever the sender's buffer held. The TH server reuses
      one buffer for all names, so a short name is followed by the tail of the one before it
      (`สยาม`, NUL, `วิท` from `สุขุมวิท`) and then by the same 24 stale bytes in every entry;
      implementations that clear the struct first (SuperSS-Dev, pangbox/server, hsreina) send
      NULs. Thai names are TIS-620 text.
  - id: server_id
    -orig-id: id
    type: u4
    doc: |
      ID of the server (SuperSS-Dev `uid`); the client sends it back in LoginService client
      0x0003 Select Server. The TH game servers are numbered 20201..20220, the TH messenger
      server is 30301.
  - id: max_users
    -orig-id: max_users
    type: u4
    doc: |
      Maximum number of simultaneous users allowed (SuperSS-Dev `max_user`): 1200 on the TH
      game servers, 8000 on the TH messenger server.
  - id: num_users
    -orig-id: num_users
    type: u4
    doc: Number of users online now (SuperSS-Dev `curr_user`).
  - id: ip_address
    -orig-id: ip_address
    size: 18
    type: pangya_fixed_text
    -pkttools-redirect: parent
    doc: |
      IPv4 address of the server in dotted decimal (SuperSS-Dev `ip`, `char[18]`), up to the
      first NUL, with the rest of the array in `after_nul` like `name`. The TH game server
      entries end in `00 00 39 0a` after a 14-character address (stale bytes), the TH messenger
      server entry in four NULs. With port, the address of the server the client goes on to;
      the list that uses this type names its service, and `pkttools proxy` rewrites the
      address to a listener of its own.
  - id: port
    -orig-id: port
    type: u4
    -pkttools-redirect: parent
    doc: |
      TCP port of the server. SuperSS-Dev declares it `int port` (4 bytes). packetdoc, pangbox/
      server and hsreina write a u2 port followed by two bytes packetdoc calls `unknown2` and
      the others write as zero; every capture has zeros there, so both readings agree on the
      wire. The TH game servers listen on 20201..20203, the messenger server on 10102.
  - id: flags
    -orig-id: flags
    type: u4
    doc: |
      Server property bits, region-dependent. packetdoc reads 2 bytes here (and 6 unknown
      bytes after), yet documents US 852 bits above 16: 0x10 hides the server, 0x80 sorts it
      first, 0x20000 marks a Grand Prix server. SuperSS-Dev (`propriedade`, a u4 `uProperty`):
      0x10 only GMs see it ("mantle"), 0x40 rookies only, 0x80 natural mode, 0x200 green,
      0x400 blue, 0x800 Grand Prix. hsreina writes `00 00 08 00` here (0x80000) and lists 0x8
      age 19+ only, 0x10 invisible, 0x800 Grand Prix look as the bits. TH captures: 0x800 on ten game servers, 0x80 on one (`จตุจักร`), 0x1000 on the
      messenger server.
  - id: num_angelic_wings
    -orig-id: angelic_wings_num
    type: u4
    doc: |
      SuperSS-Dev `angelic_wings_num` (column AngelicWingsNum of its server list); hsreina
      writes 8 here with the comment "Wings". packetdoc counts these bytes in `unknown3`. Its
      effect in the client is not documented. TH captures: 3 on two game servers, else 0.
  - id: boosts
    -orig-id: boosts
    type: u2
    doc: |
      Active server boosts, a bit set (SuperSS-Dev `event_flag`). packetdoc (US 852): 0x1
      double Pang, 0x4 double EXP, 0x8 Angel Event, 0x10 triple EXP, 0x80 club mastery.
      SuperSS-Dev: 0x2 Pang x2 or more, 0x4 EXP x2, 0x8 angel wings event (fewer quits
      counted), 0x10 EXP x3 or more, 0x80 club mastery x2 or more. TH captures: 4 on three
      servers, 2 on three, else 0.
  - id: event_map
    -orig-id: event_map
    type: u2
    doc: |
      SuperSS-Dev `event_map` (column EventMap); packetdoc counts it in `unknown4`. Which
      course an event uses, by its name; no source says more. 0 in every capture.
  - id: app_rate
    -orig-id: app_rate
    type: u2
    doc: |
      SuperSS-Dev `app_rate` (column AppRate; its game server fills 100 and notes it never
      used it); hsreina writes 100 (0x64) here. packetdoc counts it in `unknown4`. 0 in every
      capture.
  - id: scratchy_rate
    -orig-id: rate_scratchy
    type: u2
    doc: |
      SuperSS-Dev filled it from its ScratchRate column as `rate_scratchy`, later renamed it
      `unknown` ("may be the scratchy rate, or not"). packetdoc counts it in `unknown4`. 0 in
      every capture.
  - id: icon
    -orig-id: char_icon
    type: u2
    enum: server_icon
    doc: |
      Character icon shown next to the server in the list (SuperSS-Dev `img_no`); the names
      of the values are packetdoc's (`server_icons` of GameService 0x009F). hsreina
      writes the icon as one byte and notes that 1 in the next byte seems to hide the name.
      packetdoc: probably unused for messenger servers, which the client does not list (0 in
      the TH messenger captures).
enums:
  server_icon:
    1:
      id: pippin
      doc: Pippin.
    2:
      id: titan_boo
      doc: Titan Boo.
    3:
      id: dolfini
      doc: Dolfini.
    6:
      id: tiki
      doc: Tiki.
    7:
      id: cadie
      doc: Cadie.
    9:
      id: azer
      doc: Azer.
