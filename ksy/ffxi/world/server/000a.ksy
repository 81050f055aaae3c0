meta:
  id: ffxi_world_server_000a_login
  title: GP_SERV_COMMAND_LOGIN (0x000A)
  application: Final Fantasy XI
  license: AGPL-3.0-only
  ks-version: '0.11'
  encoding: ASCII
  endian: le
  bit-endian: le
-orig-id: GP_SERV_COMMAND_LOGIN
doc: |
  Sent by the world server in answer to the client's zone login request (client 0x000A). The
  client (handler `RecvLogIn`) uses it to set up its current zone instance (`GC_ZONE`) before the
  zone is loaded: position, zone and map numbers, time and weather, music, the character's looks,
  jobs and stats, and its saved configuration.

  The packet is always 0x104 bytes (header size 0x41); this spec reads the 0x100-byte body after
  the 4-byte header, so the offsets in field docs are packet offsets minus 4. The three
  sub-structures (`GP_SERV_POS_HEAD` at packet offset 0x04, `GP_MYROOM_DANCER_PKT` at 0xB0,
  `SAVE_CONF_PKT` at 0xF4) have no padding between them or the other fields.

  Names follow XiPackets (`-orig-id`), which keeps the PS2 beta names where they still apply.
  LandSandBoat's writer (`GP_SERV_COMMAND_LOGIN`) is the implementation the vectors follow.
doc-ref:
  - https://github.com/atom0s/XiPackets/blob/main/world/server/0x000A/README.md
  - https://github.com/LandSandBoat/server/blob/base/src/map/packets/s2c/0x00a_login.h
  - https://github.com/LandSandBoat/server/blob/base/src/map/packets/s2c/0x00a_login.cpp
  - https://github.com/LandSandBoat/server/blob/base/src/map/packets/s2c/base.h
  - https://github.com/Windower/Lua/blob/dev/addons/libs/packets/fields.lua
seq:
  - id: pos_head
    -orig-id: PosHead
    type: gp_serv_pos_head
    doc: The local character's position and movement state (packet offsets 0x04-0x2F).
  - id: zone_no
    -orig-id: ZoneNo
    type: u4
    doc: The zone number (packet offset 0x30).
  - id: nt_time
    -orig-id: ntTime
    type: u4
    doc: The time system's time value, in seconds.
  - id: nt_time_sec
    -orig-id: ntTimeSec
    type: u4
    doc: |
      The time system's count value. LandSandBoat sends the current Earth time as a Unix
      timestamp here.
  - id: game_time
    -orig-id: GameTime
    type: u4
    doc: The game time value. LandSandBoat sends the current Vana'diel timestamp.
  - id: event_no
    -orig-id: EventNo
    type: u2
    doc: |
      With `event_num`, selects the event data to load (packet offset 0x40). LandSandBoat sends
      the text table of a pending cutscene, else the zone number; 0 when no event plays.
  - id: map_number
    -orig-id: MapNumber
    type: u2
    doc: The map number; for most zones the same as `zone_no`.
  - id: grap_id_tbl
    -orig-id: GrapIDTbl
    type: grap_id_tbl
    doc: The character's model and equipment model ids, nine u2 slots (packet offset 0x44).
  - id: music_num
    -orig-id: MusicNum
    type: music_num
    doc: The zone's music numbers, five u2 slots (packet offset 0x56).
  - id: sub_map_number
    -orig-id: SubMapNumber
    type: u2
    doc: |
      The sub-region of the zone the character is in (packet offset 0x60), 0 for zones without
      sub-regions. Sub-regions separate shared event areas, e.g. the airship counters, rooms and
      docks of Port Jeuno.
  - id: event_num
    -orig-id: EventNum
    type: u2
    doc: With `event_no`, selects the event data to load.
  - id: event_para
    -orig-id: EventPara
    type: u2
    doc: The event id, which selects the event opcode block to run.
  - id: event_mode
    -orig-id: EventMode
    type: u2
    doc: Flags for the event system.
  - id: weather_number
    -orig-id: WeatherNumber
    type: u2
    doc: The current weather (packet offset 0x68).
  - id: weather_number2
    -orig-id: WeatherNumber2
    type: u2
    doc: The previous weather; the client sets it up first, starting at `weather_time2`.
  - id: weather_time
    -orig-id: WeatherTime
    type: u4
    doc: |
      The start time of the current weather. The client multiplies the weather start times by
      60 to get its frame ticks.
  - id: weather_time2
    -orig-id: WeatherTime2
    type: u4
    doc: The start time of the previous weather (`weather_number2`).
  - id: weather_offset_time
    -orig-id: WeatherOffsetTime
    type: u4
    doc: |
      Weather offset time. The client starts the previous weather at its high u16 times 3600
      frame ticks, and stores the whole value with the current weather.
  - id: ship_start
    -orig-id: ShipStart
    type: u4
    doc: |
      Start time of the zone's ship (boat or airship) route; with `ship_end` the client
      starts its ship timing (`ShipInit`) only when both are non-zero.
  - id: ship_end
    -orig-id: ShipEnd
    type: u2
    doc: End time of the ship route (packet offset 0x7C).
  - id: is_monstrosity
    -orig-id: IsMonstrosity
    type: u2
    doc: |
      Non-zero while Monstrosity is active (new since PS2). LandSandBoat sends 0x1F for a
      character in Monstrosity.
  - id: login_state
    -orig-id: LoginState
    type: u4
    enum: save_login_state
    doc: Where the character logs in (`SAVE_LOGIN_STATE`, packet offset 0x80).
  - id: name
    -orig-id: name
    type: strz
    size: 16
    doc: |
      The character's name, `char[16]` (packet offset 0x84): the text up to the first NUL, or
      all 16 bytes when there is none. Character names are Latin letters, read as ASCII.
      Building writes zero bytes after the NUL; bytes after a NUL are not kept.
  - id: certificate
    -orig-id: certificate
    type: s4
    repeat: expr
    repeat-expr: 2
    doc: |
      The client's two certificate values (packet offset 0x94). The client sends them back in
      the 0x1C-byte header of every datagram, and the server disconnects it when they do not
      match what it was last sent. How they are made is not known.
  - id: unknown9c
    -orig-id: unknown9C
    type: u2
    doc: |
      Unknown (new since PS2; packet offset 0x9C). The client stores it but never uses it; it has
      been seen equal to `zone_sub_no`, or 0.
  - id: zone_sub_no
    -orig-id: ZoneSubNo
    type: u2
    doc: |
      Sub number of instanced zones and zones with several inner maps (new since PS2); the
      client uses it to pick the zone's DAT files. Example from the seed: Sortie's Outer
      Ra'Kaznar [U2] is zone 133, map 133, sub number 1031.
  - id: play_time
    -orig-id: PlayTime
    type: u4
    doc: |
      The character's play time offset (packet offset 0xA0); the client shows
      `play_time - login time + game time`. LandSandBoat sends the play time in seconds.
  - id: dead_counter
    -orig-id: DeadCounter
    type: u4
    doc: |
      The death counter, in 1/60 seconds: the client stores `dead_counter / 60 + game time`
      (see `dead_counter_seconds`). LandSandBoat sends 60 times (6 minutes plus the seconds left
      before a dead character is sent home).
  - id: myroom_sub_map_number
    -orig-id: MyroomSubMapNumber
    type: u1
    doc: |
      The mog house sub map number (new since PS2; packet offset 0xA8). The client keeps only
      bits 1-2 (`myroom_sub_map`); it decides whether furniture can be placed and which exit
      menu is shown. LandSandBoat sends 2 on a mog house's second floor.
  - id: unknown_a9
    -orig-id: unknownA9
    type: u1
    doc: Unknown (new since PS2). The client stores it but never uses it.
  - id: myroom_map_number
    -orig-id: MyroomMapNumber
    type: u2
    enum: myroom_map_number
    doc: |
      The model of the mog house area to load (packet offset 0xAA). It depends on the residence,
      on whether the character's nation owns it (home or guest) and on the floor; see the enum.
  - id: send_count
    -orig-id: SendCount
    type: u2
    doc: |
      Number of flagged NPC entities ("king") the client must load (server 0x000E) before the
      character may move; rendering of other entities waits meanwhile. The client gives up
      after 6 seconds. Used so on-zone-in cutscenes have their entities first.
  - id: my_room_exit_bit
    -orig-id: MyRoomExitBit
    type: u1
    enum: my_room_exit_bit
    doc: |
      Which exit menu the mog house door shows (packet offset 0xAE). No longer a single bit:
      values 0-9, see the enum.
  - id: mog_zone_flag
    -orig-id: MogZoneFlag
    type: u1
    doc: Non-zero when the zone has the mog menu (a nomad moogle).
  - id: dancer
    -orig-id: Dancer
    type: gp_myroom_dancer_pkt
    doc: The character's looks, jobs and stats (packet offsets 0xB0-0xF3).
  - id: conf_data
    -orig-id: ConfData
    type: save_conf_pkt
    doc: The character's server-side saved configuration (packet offsets 0xF4-0xFF).
  - id: ex
    -orig-id: Ex
    type: u4
    -pkttools-default: 1
    doc: |
      Unknown (new since PS2; packet offset 0x100). Only a disabled debug function of the client
      prints it. LandSandBoat sends 1 (`packet.Ex = 0x01`), and so does building when it is not
      given.
instances:
  myroom_sub_map:
    value: (myroom_sub_map_number >> 1) & 3
    doc: What the client keeps of `myroom_sub_map_number`, `(value >> 1) & 3`.
  dead_counter_seconds:
    value: dead_counter / 60
    doc: '`dead_counter` in seconds, as the client divides it (integer division by 60).'
types:
  gp_serv_pos_head:
    doc: |
      `GP_SERV_POS_HEAD`: the local character's position and movement state, 0x2C bytes
      (packet offsets 0x04-0x2F).
    seq:
      - id: unique_no
        -orig-id: UniqueNo
        type: u4
        doc: The character's server id.
      - id: act_index
        -orig-id: ActIndex
        type: u2
        doc: The character's target index.
      - id: padding06
        -orig-id: padding06
        type: u1
        -pkttools-default: 0
        doc: |
          Padding, unused (was `SendFlg` in the PS2 beta). LandSandBoat leaves it 0 (its packets
          start zeroed, `GP_SERV_PACKET` in src/map/packets/s2c/base.h), and so does building
          when it is not given.
      - id: dir
        -orig-id: dir
        type: u1
        doc: |
          The facing direction in 1/256 turns; `dir_radians` converts it.

          The seed's struct declares `int8_t dir`, but the client's own conversion it quotes
          (`FUNC_enDirNetToCli(uint8_t dir)`) takes the byte unsigned, LandSandBoat stores the
          rotation as a uint8 from 0 to 255 (`position_t::rotation`) and Windower reads an
          unsigned char: the byte is read unsigned, so 0xC0 is three quarters of a turn.
      - id: x
        -orig-id: x
        type: f4
        doc: The X position.
      - id: z
        -orig-id: z
        type: f4
        doc: |
          The Z position, the vertical axis (the PS2 beta named it `y`). LandSandBoat writes its
          own `y`, the height, here ("not a typo"); Windower also reads Z at this offset.
      - id: y
        -orig-id: y
        type: f4
        doc: The Y position (the PS2 beta named it `z`; LandSandBoat writes its own `z` here).
      - id: flags1
        -orig-id: flags1
        type: u4
        doc: |
          Bit flags about the character (several PS2 fields); XiPackets has not broken them down
          yet. Windower reads a u16 run count and a u16 target index here.
      - id: speed
        -orig-id: Speed
        type: u1
        doc: The movement speed; Windower reads 32 as 100%.
      - id: speed_base
        -orig-id: SpeedBase
        type: u1
        doc: The base speed; Windower calls it the animation speed and reads 32 as 100%.
      - id: hpp
        -orig-id: HpMax
        type: u1
        doc: |
          The character's health as a percentage (0-100), not a maximum despite its PS2 name
          `HpMax`; LandSandBoat writes its HP percentage here and Windower reads "HP %".
      - id: server_status
        -orig-id: server_status
        type: u1
        doc: |
          The character's server status; LandSandBoat writes the character's animation state
          here (its event state while a cutscene is pending).
      - id: flags2
        -orig-id: flags2
        type: u4
        doc: |
          Bit flags (several PS2 fields), not broken down by XiPackets. LandSandBoat puts the
          mount's sub power in bits 0-7 and `gender * 128 + (1 << model size)` in bits 8-15.
      - id: flags3
        -orig-id: flags3
        type: u4
        doc: Bit flags (several PS2 fields), not broken down by XiPackets; LandSandBoat sends 0.
      - id: flags4
        -orig-id: flags4
        type: u4
        doc: Bit flags (several PS2 fields), not broken down by XiPackets; LandSandBoat sends 0x100.
      - id: bt_target_id
        -orig-id: BtTargetID
        type: u4
        doc: The character's battle target.
    instances:
      dir_radians:
        value: dir * 6.283185 * 0.00390625
        doc: |
          `dir` in radians, as the client converts it: `dir * 6.283185 * 0.00390625`
          (`FUNC_enDirNetToCli`).
  grap_id_tbl:
    doc: |
      `GrapIDTbl[9]`: the model ids the client draws the character with. Slot 0 holds the face
      and race; slots 1-8 the equipment models. LandSandBoat adds the slot number times 0x1000
      to each equipment model (head + 0x1000 ... ranged + 0x8000), so the top 4 bits of those
      slots name the slot.
    seq:
      - id: race_face
        -orig-id: GrapIDTbl[0]
        type: u2
        doc: |
          The character's race and face/hair model. The seed calls it the race and hair ids;
          LandSandBoat writes `face | race << 8` and Windower reads the face at packet offset
          0x44 and the race at 0x45.
      - id: head
        -orig-id: GrapIDTbl[1]
        type: u2
        doc: The head equipment model (LandSandBoat sends 0 when the headgear is hidden).
      - id: body
        -orig-id: GrapIDTbl[2]
        type: u2
        doc: The body equipment model.
      - id: hands
        -orig-id: GrapIDTbl[3]
        type: u2
        doc: The hands equipment model.
      - id: legs
        -orig-id: GrapIDTbl[4]
        type: u2
        doc: The legs equipment model.
      - id: feet
        -orig-id: GrapIDTbl[5]
        type: u2
        doc: The feet equipment model.
      - id: main
        -orig-id: GrapIDTbl[6]
        type: u2
        doc: The main weapon model.
      - id: sub
        -orig-id: GrapIDTbl[7]
        type: u2
        doc: The sub weapon or shield model.
      - id: ranged
        -orig-id: GrapIDTbl[8]
        type: u2
        doc: The ranged weapon model (LandSandBoat sends 0xFFFF in Monstrosity).
    instances:
      face:
        value: race_face & 0xff
        doc: The face (and hair) number, the low byte of `race_face` (LandSandBoat, Windower).
      race:
        value: race_face >> 8
        doc: The race number, the high byte of `race_face` (LandSandBoat, Windower).
  music_num:
    doc: '`MusicNum[5]`: the music the zone plays for each purpose.'
    seq:
      - id: day
        -orig-id: MusicNum[0]
        type: u2
        doc: Zone music by day.
      - id: night
        -orig-id: MusicNum[1]
        type: u2
        doc: Zone music by night.
      - id: battle_solo
        -orig-id: MusicNum[2]
        type: u2
        doc: Battle music when solo.
      - id: battle_party
        -orig-id: MusicNum[3]
        type: u2
        doc: Battle music in a party.
      - id: mount
        -orig-id: MusicNum[4]
        type: u2
        doc: Mount music (LandSandBoat sends 0x54 while mounted, else 0xD4).
  gp_myroom_dancer_pkt:
    doc: |
      `GP_MYROOM_DANCER_PKT`: the character's looks, jobs and stats, 0x44 bytes (packet offsets
      0xB0-0xF3). Only a partial copy of the client's internal `GP_MYROOM_DANCER`, hence `_PKT`.
    seq:
      - id: mon_no
        -orig-id: mon_no
        type: u2
        doc: The race id.
      - id: face_no
        -orig-id: face_no
        type: u2
        doc: The face id.
      - id: mjob_no
        -orig-id: mjob_no
        type: u1
        doc: The main job id.
      - id: hair_no
        -orig-id: hair_no
        type: u1
        doc: The hair id.
      - id: size
        -orig-id: size
        type: u1
        doc: The model size.
      - id: sjob_no
        -orig-id: sjob_no
        type: u1
        doc: The sub job id.
      - id: get_job_flag
        -orig-id: get_job_flag
        type: u4
        doc: The unlocked jobs, one bit per job id.
      - id: job_lev
        -orig-id: job_lev
        type: s1
        repeat: expr
        repeat-expr: 16
        doc: The level of each job, indexed by job id from 0 (Windower's reading).
      - id: bp_base
        -orig-id: bp_base
        type: u2
        repeat: expr
        repeat-expr: 7
        doc: |
          The base stats in the order STR, DEX, VIT, AGI, INT, MND, CHR (LandSandBoat copies its
          `stats_t` here; Windower labels them the same).
      - id: bp_adj
        -orig-id: bp_adj
        type: s2
        repeat: expr
        repeat-expr: 7
        doc: The stat adjustments (bonuses), same order as `bp_base`.
      - id: hpmax
        -orig-id: hpmax
        type: s4
        doc: The maximum HP.
      - id: mpmax
        -orig-id: mpmax
        type: s4
        doc: The maximum MP.
      - id: sjobflg
        -orig-id: sjobflg
        type: u1
        doc: Non-zero when the character has unlocked sub jobs and may change them.
      - id: unknown41
        -orig-id: unknown41
        size: 3
        -pkttools-default: '000000'
        doc: |
          Unknown (new since PS2); thought to be padding. LandSandBoat leaves it zero (its
          packets start zeroed), and so does building when it is not given.
  save_conf_pkt:
    doc: |
      `SAVE_CONF_PKT` (`unknown00[3]` in the seed): the character's server-side saved settings,
      three u32 words (packet offsets 0xF4-0xFF). They are the first 12 bytes of the `SAVE_CONF`
      structure that XiPackets documents for server 0x00B4; LandSandBoat copies its SAVE_CONF
      here byte for byte.
    doc-ref:
      - https://github.com/atom0s/XiPackets/blob/main/world/server/0x00B4/README.md
      - https://github.com/LandSandBoat/server/blob/base/src/common/mmo.h
    seq:
      - id: flags
        -orig-id: unknown00[0]
        type: save_conf_flags
        doc: Invite, away and anonymity flags, language, GM level, auto-target and the like.
      - id: message_filter
        -orig-id: unknown00[1]
        type: u4
        doc: Chat filter bits (`MassageFilter`, one bit per message kind; see server 0x00B4).
      - id: message_filter2
        -orig-id: unknown00[2]
        type: u4
        doc: More chat filter bits (`MassageFilter2`; see server 0x00B4).
  save_conf_flags:
    doc: |
      The first word of `SAVE_CONF`, bit fields from the lowest bit up, as XiPackets lays them
      out for server 0x00B4 (the `-orig-id`s are its names, PS2 names in the docs).
    seq:
      - id: invite_flg
        -orig-id: InviteFlg
        type: b1
        doc: Looking for a party (seek party flag).
      - id: away_flg
        -orig-id: AwayFlg
        type: b1
        doc: Away.
      - id: anonymity_flg
        -orig-id: AnonymityFlg
        type: b1
        doc: Anonymous.
      - id: language
        -orig-id: Language
        type: b2
        doc: The language setting.
      - id: unknown05
        -orig-id: unknown05
        type: b3
        doc: Unknown (PS2 `GmLevel`).
      - id: unknown08
        -orig-id: unknown08
        type: b1
        doc: Unknown (PS2 `InvisFlg`).
      - id: unknown09
        -orig-id: unknown09
        type: b1
        doc: Unknown (PS2 `InvulFlg`).
      - id: unknown10
        -orig-id: unknown10
        type: b1
        doc: Unknown (PS2 `IgnoreFlg`).
      - id: sys_mes_filter_level
        -orig-id: SysMesFilterLevel
        type: b2
        doc: The system message filter level.
      - id: unknown13
        -orig-id: unknown13
        type: b1
        doc: Unknown (PS2 `GmNoPrintFlg`).
      - id: auto_target_off_flg
        -orig-id: AutoTargetOffFlg
        type: b1
        doc: Auto-target is off.
      - id: auto_party_flg
        -orig-id: AutoPartyFlg
        type: b1
        doc: Auto-party (accept invitations automatically).
      - id: unknown16
        -orig-id: unknown16
        type: b8
        doc: Unknown (PS2 `JailNo`).
      - id: mentor_unlocked_flg
        -orig-id: MentorUnlockedFlg
        type: b1
        doc: The mentor feature is unlocked (new; was padding).
      - id: mentor_flg
        -orig-id: MentorFlg
        type: b1
        doc: Shown as a mentor (new; was padding).
      - id: new_adventurer_off_flg
        -orig-id: NewAdventurerOffFlg
        type: b1
        doc: The new adventurer mark is off (new; was padding).
      - id: display_head_off_flg
        -orig-id: DisplayHeadOffFlg
        type: b1
        doc: Headgear is hidden (new; was padding).
      - id: unknown28
        -orig-id: unknown28
        type: b1
        doc: Unknown (new; was padding).
      - id: recruit_flg
        -orig-id: RecruitFlg
        type: b1
        doc: Recruiting (new; was padding).
      - id: unused
        -orig-id: unused
        type: b2
        -pkttools-default: 0
        doc: Unused; building writes 0 when it is not given.
enums:
  save_login_state:
    0:
      id: none
      -orig-id: SAVE_LOGIN_STATE_NONE
      doc: None.
    1:
      id: myroom
      -orig-id: SAVE_LOGIN_STATE_MYROOM
      doc: In the character's residence (mog house).
    2:
      id: game
      -orig-id: SAVE_LOGIN_STATE_GAME
      doc: In the normal game areas.
    3:
      id: polexit
      -orig-id: SAVE_LOGIN_STATE_POLEXIT
      doc: Performing a PlayOnline exit (deprecated; no longer works).
    4:
      id: jobexit
      -orig-id: SAVE_LOGIN_STATE_JOBEXIT
      doc: Leaving the job menu (no longer used; the old job menu was removed).
    5:
      id: polexit_myroom
      -orig-id: SAVE_LOGIN_STATE_POLEXIT_MYROOM
      doc: Performing a PlayOnline exit from the residence (deprecated; no longer works).
    6:
      id: end
      -orig-id: SAVE_LOGIN_STATE_END
      doc: End marker of the enumeration (N/A).
  myroom_map_number:
    0x00bd:
      id: ronfaure_front
      doc: |
        Ronfaure Front residence, per the seed's table. LandSandBoat sends 0x02E9 instead (see
        `ronfaure_front_alt`).
    0x00c7:
      id: gustaberg_front
      doc: Gustaberg Front residence.
    0x00d6:
      id: aht_urhgan_whitegate
      doc: Aht Urhgan Whitegate residence.
    0x00db:
      id: sarutabaruta_front
      doc: Sarutabaruta Front residence.
    0x0100:
      id: jeuno
      doc: Jeuno residence.
    0x0101:
      id: sandoria_guest
      doc: San d'Oria residence of a character of another nation.
    0x0102:
      id: bastok_guest
      doc: Bastok residence of a character of another nation.
    0x01ff:
      id: not_in_myroom
      doc: |
        Not in a residence: LandSandBoat sends 0x01FF with login state `game` (not in the seed's
        table).
    0x0120:
      id: windurst_guest
      doc: Windurst residence of a character of another nation.
    0x0121:
      id: sandoria_home
      doc: San d'Oria residence of a San d'Oria character.
    0x0122:
      id: bastok_home
      doc: Bastok residence of a Bastok character.
    0x0123:
      id: windurst_home
      doc: Windurst residence of a Windurst character.
    0x0124:
      id: adoulin
      doc: Adoulin residence.
    0x0267:
      id: second_floor_sandoria
      doc: Mog house second floor, San d'Oria style.
    0x0268:
      id: second_floor_bastok
      doc: Mog house second floor, Bastok style.
    0x0269:
      id: second_floor_windurst
      doc: Mog house second floor, Windurst style.
    0x026a:
      id: second_floor_patio
      doc: Mog house second floor, patio style.
    0x02d4:
      id: mog_garden
      doc: Mog Garden.
    0x02d9:
      id: feretory
      doc: Feretory (Monstrosity); LandSandBoat sends it with login state `myroom`.
    0x02e9:
      id: ronfaure_front_alt
      doc: |
        Ronfaure Front residence as LandSandBoat sends it (745); the seed's table gives 0x00BD.
        Which one retail servers send is not in the sources.
  my_room_exit_bit:
    0:
      id: normal
      doc: The normal exit menu.
    1:
      id: sandoria
      doc: The extended exit menu of the San d'Oria residence.
    2:
      id: bastok
      doc: The extended exit menu of the Bastok residence.
    3:
      id: windurst
      doc: The extended exit menu of the Windurst residence.
    4:
      id: jeuno
      doc: The extended exit menu of the Jeuno residence.
    5:
      id: aht_urhgan_whitegate
      doc: The extended exit menu of the Aht Urhgan Whitegate residence.
    6:
      id: ronfaure_front
      doc: The extended exit menu of the Ronfaure Front residence; Windower names it San d'Oria [S].
    7:
      id: gustaberg_front
      doc: The extended exit menu of the Gustaberg Front residence; Windower names it Bastok [S].
    8:
      id: sarutabaruta_front
      doc: |
        The extended exit menu of the Sarutabaruta Front residence; Windower names it
        Windurst [S].
    9:
      id: adoulin
      doc: The extended exit menu of the Adoulin residence.
