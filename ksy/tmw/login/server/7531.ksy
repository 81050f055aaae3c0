meta:
  id: tmw_login_server_7531_server_version
  title: TMW login, server 0x7531 Server Version (SMSG_SERVER_VERSION_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
  bit-endian: le
-orig-id: SMSG_SERVER_VERSION_RESPONSE
doc: |
  The answer to 0x7530 Server Version Request (10 bytes with the packet id): tmwAthena's
  8-byte Version struct. The login server sends its release number, which server it is (login)
  and whether accounts can be registered.

  ManaPlus reads the first byte to tell servers apart: 255 is an old tmwAthena, 13 or more a
  current tmwAthena (versions are dates, e.g. 23.10.22), anything else eAthena; it reads the
  last four bytes as one u32 "options" whose bit 0 is the registration flag, which is the same
  bit as registration_enabled here.
doc-ref:
  - https://wiki.themanaworld.org/index.php/Net:0x7530
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/version.hpp
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/version.cpp
  - https://github.com/themanaworld/tmwa/blob/master/CMakeLists.txt
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginrecv.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
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
    -pkttools-default: 0
    doc: |
      Development patch count since the release (VERSION_DEVEL, the commits after the release
      tag in tmwAthena's CMakeLists.txt); 0 for a release build, which building writes when it
      is not given.
  - id: registration_enabled
    -orig-id: TMWA_FLAG_REGISTRATION
    type: b1
    doc: |
      Flags bit 0: new accounts can be created (tmwAthena's `new_account` setting); ManaPlus
      enables its registration dialog from it.
  - id: unused_flags
    type: b7
    -pkttools-default: 0
    doc: Flags bits 1-7; none is defined, tmwAthena sends 0 (and building, when not given).
  - id: is_login_server
    -orig-id: TMWA_SERVER_LOGIN
    type: b1
    -pkttools-default: true
    doc: |
      "Which" bit 0: the answer comes from a login server. The login server always sets it
      (CURRENT_LOGIN_SERVER_VERSION in src/mmo/version.cpp has TMWA_SERVER_LOGIN alone), so
      building sets it when it is not given.
  - id: is_char_server
    -orig-id: TMWA_SERVER_CHAR
    type: b1
    -pkttools-default: false
    doc: |
      "Which" bit 1: the answer comes from a char-server. Never set by the login server;
      building clears it when it is not given.
  - id: is_inter_server
    -orig-id: TMWA_SERVER_INTER
    type: b1
    -pkttools-default: false
    doc: |
      "Which" bit 2: the answer comes from an inter-server (part of the char-server). Never set
      by the login server; building clears it when it is not given.
  - id: is_map_server
    -orig-id: TMWA_SERVER_MAP
    type: b1
    -pkttools-default: false
    doc: |
      "Which" bit 3: the answer comes from a map server. Never set by the login server;
      building clears it when it is not given.
  - id: unused_which
    type: b4
    -pkttools-default: 0
    doc: '"Which" bits 4-7; none is defined, tmwAthena sends 0 (and building, when not given).'
  - id: vendor_point
    -orig-id: vend
    type: u2
    -pkttools-default: 0
    doc: |
      Vendor patch level (VENDOR_POINT of the build; 0 for upstream builds, set in tmwAthena's
      CMakeLists.txt). Building writes 0 when it is not given.
