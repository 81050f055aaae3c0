meta:
  id: ffxi_world_server_00e2_group_list2
  title: GP_SERV_COMMAND_GROUP_LIST2 (0x00E2)
  application: Final Fantasy XI
  license: AGPL-3.0-only
  ks-version: '0.11'
  encoding: ASCII
  endian: le
  bit-endian: le
-orig-id: GP_SERV_COMMAND_GROUP_LIST2
doc: |
  Sent by the world server to create and update one party (or alliance) member's entry (client
  handler `RecvGroupList2`). It works like server 0x00DD, except that when the client has no
  entry for the member yet it creates one instead of ignoring the packet; servers therefore send
  it as the first update after a member zoned.

  The fixed part is 0x28 bytes (packet offsets; this spec reads the body after the 4-byte
  header, so it is 0x24 bytes here), then the member's name. Unlike other packets with names,
  the name is not always a full `Name[16]`: its length comes from the packet size,
  `size * 4 - 0x28` bytes. The sender pads the packet to a multiple of 4 with zeros, so a name
  ends at its first NUL unless it fills the space. A 4-letter name gives a 0x2C-byte packet with
  no NUL at all; servers that always send the full 16 bytes give 0x38-byte packets. Both parse.

  Windower's definition of incoming 0x0E2 (name at 0x22) is stale; this spec follows XiPackets,
  whose offsets LandSandBoat's `GP_SERV_COMMAND_GROUP_LIST2` structure repeats.
doc-ref:
  - https://github.com/atom0s/XiPackets/blob/main/world/server/0x00E2/README.md
  - https://github.com/atom0s/XiPackets/blob/main/world/Header.md
  - https://github.com/LandSandBoat/server/blob/base/src/map/packets/s2c/0x0e2_group_list2.h
  - https://github.com/LandSandBoat/server/blob/base/src/map/packets/s2c/base.h
seq:
  - id: unique_no
    -orig-id: UniqueNo
    type: u4
    doc: The member's server id (packet offset 0x04).
  - id: hp
    -orig-id: Hp
    type: u4
    doc: The member's current HP.
  - id: mp
    -orig-id: Mp
    type: u4
    doc: The member's current MP.
  - id: tp
    -orig-id: Tp
    type: u4
    doc: The member's current TP.
  - id: g_attr
    -orig-id: GAttr
    type: gp_group_attr
    doc: The member's party flags (`GP_GROUP_ATTR`, packet offset 0x14).
  - id: act_index
    -orig-id: ActIndex
    type: u2
    doc: The member's target index (packet offset 0x18).
  - id: member_number
    -orig-id: MemberNumber
    type: u1
    doc: The member's number within the party (new; was padding).
  - id: moghouse_flg
    -orig-id: MoghouseFlg
    type: u1
    doc: Non-zero when the member lets guests into their mog house (open mog house; new).
  - id: kind
    -orig-id: Kind
    type: u1
    enum: kind
    doc: The group kind (packet offset 0x1C); see the enum.
  - id: hpp
    -orig-id: Hpp
    type: u1
    doc: The member's HP as a percentage (new; the PS2 beta had `HpMax` here).
  - id: mpp
    -orig-id: Mpp
    type: u1
    doc: The member's MP as a percentage (new; the PS2 beta had `MpMax` here).
  - id: padding1f
    -orig-id: padding1F
    type: u1
    -pkttools-default: 0
    doc: |
      Padding, unused. LandSandBoat's packets start zeroed (`GP_SERV_PACKET` in
      src/map/packets/s2c/base.h); building writes 0 when it is not given.
  - id: zone_no
    -orig-id: ZoneNo
    type: u2
    doc: |
      The member's zone (packet offset 0x20). 0 when the member is in the same zone as the
      local client; any other value makes the client treat the member as elsewhere and show
      only the name and the short zone name. See `same_zone`.
  - id: mjob_no
    -orig-id: mjob_no
    type: u1
    doc: The member's main job id (new).
  - id: mjob_lv
    -orig-id: mjob_lv
    type: u1
    doc: The member's main job level (new).
  - id: sjob_no
    -orig-id: sjob_no
    type: u1
    doc: The member's sub job id (new).
  - id: sjob_lv
    -orig-id: sjob_lv
    type: u1
    doc: The member's sub job level (new).
  - id: masterjob_lv
    -orig-id: masterjob_lv
    type: u1
    doc: The member's master level (new).
  - id: masterjob_flags
    -orig-id: masterjob_flags
    type: masterjob_flags
    doc: The member's job mastery flags (new; packet offset 0x27).
  - id: name
    -orig-id: Name
    type: strz
    size-eos: true
    doc: |
      The member's name (packet offset 0x28): every byte up to the end of the packet
      (`size * 4 - 0x28` bytes, 16 at most in practice), read up to the first NUL. A name that
      fills its space has no NUL.
      Building writes the name, a NUL when it fits, and zero bytes up to a whole 4-byte word
      (`-pkttools-size-align` on the body); bytes after a NUL are not kept.
instances:
  same_zone:
    value: zone_no == 0
    doc: True when the member is in the local client's zone (`zone_no` is 0).
types:
  gp_group_attr:
    doc: |
      `GP_GROUP_ATTR`: a u32 of bit fields, from the lowest bit up. `level_sync_flg` (bit 8) is
      the newest field; older definitions (XiPackets before its 2025-10-31 change, and
      LandSandBoat's structure) have no such bit and start `unused` at bit 8, so a member under
      level sync shows as `unused = 1` in them.
    seq:
      - id: party_no
        -orig-id: PartyNo
        type: b2
        doc: The member's party number within the alliance (bits 0-1).
      - id: party_leader_flg
        -orig-id: PartyLeaderFlg
        type: b1
        doc: The member leads a party (bit 2).
      - id: alliance_leader_flg
        -orig-id: AllianceLeaderFlg
        type: b1
        doc: The member leads the alliance (bit 3).
      - id: party_r_flg
        -orig-id: PartyRFlg
        type: b1
        doc: The member is the party's quartermaster (bit 4).
      - id: alliance_r_flg
        -orig-id: AllianceRFlg
        type: b1
        doc: The member is the alliance's quartermaster (bit 5).
      - id: unknown06
        -orig-id: unknown06
        type: b1
        doc: Unknown (PS2 `MasterComFlg`); the client still checks it (bit 6).
      - id: unknown07
        -orig-id: unknown07
        type: b1
        doc: Unknown (PS2 `SubMasterComFlg`); the client still checks it (bit 7).
      - id: level_sync_flg
        -orig-id: LevelSyncFlg
        type: b1
        doc: The member is under level sync (bit 8; new since PS2).
      - id: unused
        -orig-id: unused
        type: b23
        -pkttools-default: 0
        doc: Unused (PS2 `dammy`, bits 9-31); building writes 0 when it is not given.
  masterjob_flags:
    doc: |
      The job mastery flags byte, from the lowest bit up. Windower (for the same byte of server
      0x00DD and 0x00DF) and LandSandBoat (0x00DF) call bit 0 "Master Breaker".
    seq:
      - id: mastery_unlocked
        type: b1
        doc: The job mastery system is unlocked (0x01).
      - id: exemplar_capped
        type: b1
        doc: The current job is capped on exemplar points (0x02).
      - id: unused
        type: b6
        doc: Not described by the sources (0x04-0x80).
enums:
  kind:
    0:
      id: main_party
      doc: The main party (and alliance).
    1:
      id: unknown1
      doc: Unknown (listed by the seed).
    2:
      id: unknown2
      doc: Unknown (listed by the seed).
    3:
      id: unknown3
      doc: Unknown (listed by the seed).
    4:
      id: unknown4
      doc: Unknown (listed by the seed).
    5:
      id: main_party_reset
      doc: The client resets the kind to 0 and uses the main party table.
    6:
      id: unknown6
      doc: Unknown (listed by the seed).
