meta:
  id: tmw_map_server_0225_being_move3
  title: TMW map, server 0x0225 Being Move 3 (SMSG_BEING_MOVE3)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_BEING_MOVE3
doc: |
  The walk path of a monster, step by step. Variable length: the u2 total length, the being id,
  its speed and position, then one direction byte per step.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/beingrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 14
    doc: |
      Total length of the packet in bytes, packet id and this field included: 14 for the head
      plus the steps. tmwAthena drops a variable-length packet shorter than its head
      (net_recv_vpacket), and so does this spec.
  - id: being_id
    -orig-id: id
    type: u4
    doc: Being id of the monster.
  - id: speed
    -orig-id: speed
    type: u2
    doc: Walking speed in milliseconds per tile (150 is the default for players).
  - id: x
    -orig-id: x position
    type: u2
    doc: Tile column where the path starts.
  - id: y
    -orig-id: y position
    type: u2
    doc: Tile row where the path starts.
  - id: steps
    -orig-id: move
    type: u1
    enum: tmw_enums::direction
    repeat: expr
    repeat-expr: len_packet - 14
    doc: One direction per step of the path, from the start tile on; len_packet - 14 of them.
