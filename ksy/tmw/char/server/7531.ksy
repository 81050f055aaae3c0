meta:
  id: tmw_char_server_7531_server_version
  title: TMW char, server 0x7531 Server Version (SMSG_SERVER_VERSION_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
  bit-endian: le
-orig-id: SMSG_SERVER_VERSION_RESPONSE
doc: |
  The answer to 0x7530 (10 bytes): tmwAthena's 8-byte Version struct, here with the char-server
  or map server bits of "which" set (a char-server also sets the inter-server bit).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginrecv.cpp
seq:
  - id: major
    -orig-id: major
    type: u1
    doc: Major version; tmwAthena uses the year (23 for v23.10.22).
  - id: minor
    -orig-id: minor
    type: u1
    doc: Minor version; the month for tmwAthena.
  - id: patch
    -orig-id: patch
    type: u1
    doc: Patch version; the day for tmwAthena.
  - id: devel
    -orig-id: devel
    type: u1
    doc: Development patch count since the release; 0 for a release build.
  - id: registration_enabled
    -orig-id: TMWA_FLAG_REGISTRATION
    type: b1
    doc: Flags bit 0, new accounts can be created; only the login server sets it.
  - id: unused_flags
    type: b7
    doc: Flags bits 1-7; none is defined, tmwAthena sends 0.
  - id: is_login_server
    -orig-id: TMWA_SERVER_LOGIN
    type: b1
    doc: '"Which" bit 0: the answer comes from a login server.'
  - id: is_char_server
    -orig-id: TMWA_SERVER_CHAR
    type: b1
    doc: '"Which" bit 1: the answer comes from a char-server.'
  - id: is_inter_server
    -orig-id: TMWA_SERVER_INTER
    type: b1
    doc: '"Which" bit 2: the answer comes from an inter-server (part of the char-server).'
  - id: is_map_server
    -orig-id: TMWA_SERVER_MAP
    type: b1
    doc: '"Which" bit 3: the answer comes from a map server.'
  - id: unused_which
    type: b4
    doc: '"Which" bits 4-7; none is defined, tmwAthena sends 0.'
  - id: vendor_point
    -orig-id: vend
    type: u2
    doc: Vendor patch level (VENDOR_POINT of the build; 0 for upstream builds).
