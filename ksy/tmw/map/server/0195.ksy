meta:
  id: tmw_map_server_0195_player_guild_party_info
  title: TMW map, server 0x0195 Player Guild Party Info (SMSG_PLAYER_GUILD_PARTY_INFO)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PLAYER_GUILD_PARTY_INFO
doc: |
  The party (and guild) of a player (102 bytes), after 0x0094 Name Request. TMW has no guilds:
  guild fields are empty.
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
  - id: party_name
    -orig-id: party name
    type: str
    size: 24
    terminator: 0
    doc: |
      Party name, NUL-padded to 24 bytes. Building writes zero bytes after the NUL; bytes
      after a NUL are not kept.
  - id: guild_name
    -orig-id: guild name
    type: str
    size: 24
    terminator: 0
    doc: |
      Guild name, NUL-padded to 24 bytes; empty in TMW. Building writes zero bytes after the
      NUL; bytes after a NUL are not kept.
  - id: guild_position
    -orig-id: guild pos
    type: str
    size: 24
    terminator: 0
    doc: |
      Position in the guild, NUL-padded to 24 bytes; empty in TMW. Building writes zero bytes
      after the NUL; bytes after a NUL are not kept.
  - id: guild_position_again
    -orig-id: guild pos again
    type: str
    size: 24
    terminator: 0
    doc: |
      The guild position again; empty in TMW. Building writes zero bytes after the NUL; bytes
      after a NUL are not kept.
