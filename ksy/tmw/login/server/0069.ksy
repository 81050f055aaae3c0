meta:
  id: tmw_login_server_0069_login_data
  title: TMW login, server 0x0069 Login Data (SMSG_LOGIN_DATA)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_LOGIN_DATA
doc: |
  The answer to a successful 0x0064 Login Request: session keys for the char-server, the
  account id, and the list of char-servers the client may connect to. Variable length: a 47-byte
  head (packet id and length included), then one 32-byte entry per char-server, so the u2
  total length is 47 + 32 * n.

  tmwAthena sends it only when at least one char-server is connected, and only after every
  connected char-server has accepted the session keys (inter-server packets 0x2715 / 0x2742);
  with no char-server it sends 0x0081 code 1 instead, so a tmwAthena 0x0069 always has at least
  one entry. The layout still allows zero, and ManaPlus reads (length - 47) / 32 entries.

  The TMW wiki page (Net:0x0069) shows a 26-byte last-login field and a 4-byte user count
  followed by 2 unused bytes; the code on both ends (tmwAthena tools/protocol.py, ManaPlus
  LoginRecv::processLoginData) has a 24-byte last-login string, a u2 "unused2", and u2 users,
  u2 maintenance, u2 is_new per entry. The code is what is on the wire; the spec follows it.
doc-ref:
  - https://oldwiki.themanaworld.org/index.php?oldid=27226&title=Net%3A0x0069
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/themanaworld/tmwa/blob/master/src/wire/packets.hpp
  - https://github.com/themanaworld/tmwa/blob/master/src/net/ip.hpp
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/enums.hpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginrecv.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 47 and (_ - 47) % 32 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 47 + 32 times
      the number of char-servers. tmwAthena rejects a length below 47 or one that leaves a
      partial entry (net_recv_vpacket), and so does this spec.
  - id: login_id1
    -orig-id: login id1
    type: u4
    doc: First session key; the client passes it to the char-server in 0x0065.
  - id: account_id
    -orig-id: account id
    type: u4
    doc: Account id (tmwAthena numbers accounts from 2000000).
  - id: login_id2
    -orig-id: login id2
    type: u4
    doc: Second session key; the client passes it to the char-server in 0x0065.
  - id: unused
    -orig-id: unused
    type: u4
    -pkttools-default: 0
    doc: |
      Always 0 from tmwAthena (`head_69.unused = 0` in src/login/login.cpp); ManaPlus reads it
      as "old ip" and ignores it. Building writes 0 when it is not given.
  - id: last_login
    -orig-id: last login string
    type: str
    size: 24
    terminator: 0
    -pkttools-default: ''
    doc: |
      Time of the previous login as text, NUL-padded to 24 bytes. tmwAthena leaves it empty
      (the assignment is commented out in src/login/login.cpp), so it is 24 NULs; ManaPlus
      stores it as loginData.lastLogin. Building writes it empty when it is not given, and zero
      bytes after the NUL; bytes after a NUL are not kept.
  - id: unused2
    -orig-id: unused2
    type: u2
    -pkttools-default: 0
    doc: |
      Always 0 from tmwAthena (`head_69.unused2 = 0`); ManaPlus skips it. Building writes 0
      when it is not given.
  - id: sex
    -orig-id: sex
    type: u1
    enum: sex
    -pkttools-default: unspecified
    doc: |
      Sex of the account. tmwAthena always sends unspecified (2, `head_69.sex =
      SEX::UNSPECIFIED`): sex belongs to characters. ManaPlus uses the low two bits. Building
      writes unspecified when it is not given.
  - id: char_servers
    type: char_server
    repeat: expr
    repeat-expr: num_char_servers
    doc: One entry per connected char-server, (len_packet - 47) / 32 of them.
instances:
  num_char_servers:
    value: (len_packet - 47) / 32
    doc: Number of char-server entries, from the packet length.
types:
  char_server:
    doc: |
      One char-server the client may connect to (32 bytes). tmwAthena fills maintenance and
      is_new with 0 (`info.maintenance = 0`, `info.is_new = 0`).
    seq:
      - id: ip
        -orig-id: ip
        size: 4
        -pkttools-redirect: tmw.char
        doc: |
          IPv4 address of the char-server, 4 bytes in network order (a.b.c.d is a, b, c, d).
          tmwAthena sends its LAN address to clients of its LAN subnet. With port, the address
          the client goes on to (the char-server): `pkttools proxy` rewrites it to a listener
          of its own.
      - id: port
        -orig-id: port
        type: u2
        -pkttools-redirect: tmw.char
        doc: TCP port of the char-server; little-endian like every TMW integer, unlike ip.
      - id: name
        -orig-id: server name
        type: str
        size: 20
        terminator: 0
        doc: |
          Server name, NUL-padded to 20 bytes (no NUL when it is 20 bytes long). Building writes
          zero bytes after the NUL; bytes after a NUL are not kept.
      - id: users
        -orig-id: users
        type: u2
        doc: Number of players online on this char-server.
      - id: maintenance
        -orig-id: maintenance
        type: u2
        -pkttools-default: 0
        doc: |
          Maintenance flag; tmwAthena always sends 0 and ManaPlus ignores it. Building writes 0
          when it is not given.
      - id: is_new
        -orig-id: is new
        type: u2
        -pkttools-default: 0
        doc: |
          "New server" flag; tmwAthena always sends 0 and ManaPlus ignores it. Building writes 0
          when it is not given.
    instances:
      ip_dotted:
        value: >-
          ip[0].to_s + "." + ip[1].to_s + "." + ip[2].to_s + "." + ip[3].to_s
        doc: The address in dotted-decimal form, e.g. "127.0.0.1".
enums:
  sex:
    0:
      id: female
      -orig-id: FEMALE
      doc: Female.
    1:
      id: male
      -orig-id: MALE
      doc: Male.
    2:
      id: unspecified
      -orig-id: UNSPECIFIED
      doc: Not specified; what tmwAthena sends in 0x0069.
    3:
      id: neutral
      -orig-id: NEUTRAL
      doc: Neutral.
