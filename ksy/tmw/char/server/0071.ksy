meta:
  id: tmw_char_server_0071_char_map_info
  title: TMW char, server 0x0071 Char Map Info (SMSG_CHAR_MAP_INFO)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_CHAR_MAP_INFO
doc: |
  The answer to 0x0066 Char Select (28 bytes): where the character is and which map server to
  connect to. The client closes the char-server connection and sends 0x0072 Map Server Connect to
  that address. The map name comes without extension (e.g. "029-2").
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverrecv.cpp
seq:
  - id: char_id
    -orig-id: char id
    type: u4
    doc: Character id of the selected character; the client passes it to the map server in 0x0072.
  - id: map_name
    -orig-id: map name
    type: str
    size: 16
    terminator: 0
    doc: |
      Map name without extension (e.g. "029-2"), NUL-padded to 16 bytes. Building writes zero
      bytes after the NUL; bytes after a NUL are not kept.
  - id: map_ip
    -orig-id: ip
    size: 4
    -pkttools-redirect: tmw.map
    doc: |
      IPv4 address of the map server, 4 bytes in network order. ManaPlus started with -s
      connects to the login host instead. With map_port, the address the client goes on to:
      `pkttools proxy` rewrites it to a listener of its own.
  - id: map_port
    -orig-id: port
    type: u2
    -pkttools-redirect: tmw.map
    doc: |
      TCP port of the map server (5122 in TMW's server data).
instances:
  map_ip_dotted:
    value: >-
      map_ip[0].to_s + "." + map_ip[1].to_s + "." + map_ip[2].to_s + "." + map_ip[3].to_s
    doc: The address in dotted-decimal form, e.g. "127.0.0.1".
