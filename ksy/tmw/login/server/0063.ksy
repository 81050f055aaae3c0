meta:
  id: tmw_login_server_0063_update_host
  title: TMW login, server 0x0063 Update Host (SMSG_UPDATE_HOST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_UPDATE_HOST
doc: |
  The URL of the update server (the seed calls this answer "Host Update"). Variable length: a
  u2 total length (packet id and length included), then the URL.

  tmwAthena sends it after a successful 0x0064 Login Request, before 0x0069 or 0x0081, only
  when the request's can_handle_update_host flag is set and `update_host` is configured.
  tmwAthena writes the URL followed by one NUL (length = 4 + URL + 1, create_vpacket with an
  XString); ManaPlus reads length - 4 bytes and cuts at the first NUL
  (MessageIn::readString). The spec does the same, so a URL without the NUL also parses.
doc-ref:
  - https://wiki.themanaworld.org/index.php?title=Net:0x0063&oldid=25009
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/themanaworld/tmwa/blob/master/src/wire/packets.hpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/loginrecv.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/messagein.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 4
    doc: |
      Total length of the packet in bytes, including the packet id and this field: at least 4.
      tmwAthena drops a variable-length packet whose length is below its header size
      (net_recv_vpacket).
  - id: update_host
    -orig-id: update URL
    type: str
    size: len_packet - 4
    terminator: 0
    doc: |
      Update server URL (e.g. http://updates.themanaworld.org), up to the first NUL or the end
      of the packet. tmwAthena always ends it with one NUL.
      Building writes the URL and one NUL (as tmwAthena does) when the length is derived; bytes
      after a NUL are not kept.
