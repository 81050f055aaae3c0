meta:
  id: tmw_map_server_0092_change_map_server
  title: TMW map, server 0x0092 Change Map Server (SMSG_CHANGE_MAP_SERVER)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_CHANGE_MAP_SERVER
doc: |
  The player moves to a map of another map server (28 bytes): the client connects there and sends
  0x0072 Map Server Connect again. TMW runs one map server, so this is rare.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverrecv.cpp
seq:
  - id: map_name
    -orig-id: map name
    type: str
    size: 16
    terminator: 0
    doc: |
      Map name without extension (e.g. "029-2"), NUL-padded to 16 bytes. Building writes zero
      bytes after the NUL; bytes after a NUL are not kept.
  - id: x
    -orig-id: x
    type: u2
    doc: Tile column on the new map.
  - id: y
    -orig-id: y
    type: u2
    doc: Tile row on the new map.
  - id: map_ip
    -orig-id: ip
    size: 4
    doc: IPv4 address of the new map server, 4 bytes in network order.
  - id: map_port
    -orig-id: port
    type: u2
    doc: TCP port of the new map server.
instances:
  map_ip_dotted:
    value: >-
      map_ip[0].to_s + "." + map_ip[1].to_s + "." + map_ip[2].to_s + "." + map_ip[3].to_s
    doc: The address in dotted-decimal form, e.g. "127.0.0.1".
