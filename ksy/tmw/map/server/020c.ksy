meta:
  id: tmw_map_server_020c_being_ip_response
  title: TMW map, server 0x020C Being IP Response (SMSG_BEING_IP_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_BEING_IP_RESPONSE
doc: |
  A hash of a player's IP address, for GMs spotting alternate characters (10 bytes), after
  0x0094. The hash changes with every server start.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beingrecv.cpp
seq:
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: ip_hash
    -orig-id: ip
    size: 4
    doc: The hashed address, 4 bytes.
instances:
  ip_hash_dotted:
    value: >-
      ip_hash[0].to_s + "." + ip_hash[1].to_s + "." + ip_hash[2].to_s + "." + ip_hash[3].to_s
    doc: The address in dotted-decimal form, e.g. "127.0.0.1".
