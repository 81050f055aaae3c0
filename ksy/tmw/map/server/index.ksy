meta:
  id: tmw_map_server
  title: The Mana World map server, packets sent by the server
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - '0073'
    - '0078'
    - '007b'
    - '007c'
    - '007f'
    - '0080'
    - '0081'
    - '0087'
    - '0088'
    - '008a'
    - '008d'
    - '008e'
    - '0091'
    - '0092'
    - '0095'
    - '0097'
    - '0098'
    - '009a'
    - '009c'
    - '009d'
    - '009e'
    - '00a0'
    - '00a1'
    - '00a4'
    - '00a6'
    - '00a8'
    - '00aa'
    - '00ac'
    - '00af'
    - '00b0'
    - '00b1'
    - '00b3'
    - '00b4'
    - '00b5'
    - '00b6'
    - '00b7'
    - '00bc'
    - '00bd'
    - '00be'
    - '00c0'
    - '00c4'
    - '00c6'
    - '00c7'
    - '00ca'
    - '00cb'
    - '00cd'
    - '00e5'
    - '00e7'
    - '00e9'
    - '00ec'
    - '00ee'
    - '00f0'
    - '00f2'
    - '00f4'
    - '00f6'
    - '00f8'
    - '00fa'
    - '00fb'
    - '00fd'
    - '00fe'
    - '0101'
    - '0105'
    - '0106'
    - '0107'
    - '0109'
    - '010e'
    - '010f'
    - '0110'
    - '0119'
    - '0139'
    - '013a'
    - '013b'
    - '013c'
    - '0141'
    - '0142'
    - '0148'
    - '018b'
    - '0195'
    - '0196'
    - '0199'
    - '019a'
    - '019b'
    - '01b1'
    - '01c8'
    - '01d4'
    - '01d7'
    - '01d8'
    - '01d9'
    - '01da'
    - '01de'
    - '01ee'
    - '01f0'
    - '020c'
    - '0211'
    - '0212'
    - '0214'
    - '0215'
    - '0225'
    - '0226'
    - '0227'
    - '0228'
    - '0229'
    - '0230'
    - '0231'
    - '0232'
    - '0233'
    - '7531'
    - '8000'
  endian: le
doc: |
  One packet sent by the TMW map server (tmwAthena tmwa-map, port 5122 in TMW's server data) to a
  client: the u2 packet id, then the packet it names. TMW has no frame header and no encryption:
  a TCP stream is these packets back to back, and each packet spec knows its own length
  (stream.ksy).

  The custom key -pkttools-packet-lengths lists every other packet id tmwAthena knows (its
  tools/protocol.py: the public protocol of every server, the inter-server and admin packets)
  with its byte length, or `variable` when the u2 at offset 2 is the total length, so a
  reader can step over packets that have no spec here. Ids with a spec are not listed: their
  spec gives the length.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsout.inc
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows (little-endian, like every TMW integer).
  - id: body
    type:
      switch-on: packet_id
      cases:
        packet_id::map_login_success: tmw_map_server_0073_map_login_success
        packet_id::being_visible: tmw_map_server_0078_being_visible
        packet_id::being_move: tmw_map_server_007b_being_move
        packet_id::being_spawn: tmw_map_server_007c_being_spawn
        packet_id::server_ping: tmw_map_server_007f_server_ping
        packet_id::being_remove: tmw_map_server_0080_being_remove
        packet_id::connection_problem: tmw_map_server_0081_connection_problem
        packet_id::walk_response: tmw_map_server_0087_walk_response
        packet_id::player_stop: tmw_map_server_0088_player_stop
        packet_id::being_action: tmw_map_server_008a_being_action
        packet_id::being_chat: tmw_map_server_008d_being_chat
        packet_id::player_chat: tmw_map_server_008e_player_chat
        packet_id::player_warp: tmw_map_server_0091_player_warp
        packet_id::change_map_server: tmw_map_server_0092_change_map_server
        packet_id::being_name_response: tmw_map_server_0095_being_name_response
        packet_id::whisper: tmw_map_server_0097_whisper
        packet_id::whisper_response: tmw_map_server_0098_whisper_response
        packet_id::gm_chat: tmw_map_server_009a_gm_chat
        packet_id::being_change_direction: tmw_map_server_009c_being_change_direction
        packet_id::item_visible: tmw_map_server_009d_item_visible
        packet_id::item_dropped: tmw_map_server_009e_item_dropped
        packet_id::player_inventory_add: tmw_map_server_00a0_player_inventory_add
        packet_id::item_remove: tmw_map_server_00a1_item_remove
        packet_id::player_equipment: tmw_map_server_00a4_player_equipment
        packet_id::player_storage_equip: tmw_map_server_00a6_player_storage_equip
        packet_id::item_use_response: tmw_map_server_00a8_item_use_response
        packet_id::player_equip_response: tmw_map_server_00aa_player_equip_response
        packet_id::player_unequip_response: tmw_map_server_00ac_player_unequip_response
        packet_id::player_inventory_remove: tmw_map_server_00af_player_inventory_remove
        packet_id::player_stat_update_1: tmw_map_server_00b0_player_stat_update_1
        packet_id::player_stat_update_2: tmw_map_server_00b1_player_stat_update_2
        packet_id::char_switch_response: tmw_map_server_00b3_char_switch_response
        packet_id::npc_message: tmw_map_server_00b4_npc_message
        packet_id::npc_next: tmw_map_server_00b5_npc_next
        packet_id::npc_close: tmw_map_server_00b6_npc_close
        packet_id::npc_choice: tmw_map_server_00b7_npc_choice
        packet_id::player_stat_update_4: tmw_map_server_00bc_player_stat_update_4
        packet_id::player_stat_update_5: tmw_map_server_00bd_player_stat_update_5
        packet_id::player_stat_update_6: tmw_map_server_00be_player_stat_update_6
        packet_id::being_emotion: tmw_map_server_00c0_being_emotion
        packet_id::npc_buy_sell_choice: tmw_map_server_00c4_npc_buy_sell_choice
        packet_id::npc_buy: tmw_map_server_00c6_npc_buy
        packet_id::npc_sell: tmw_map_server_00c7_npc_sell
        packet_id::npc_buy_response: tmw_map_server_00ca_npc_buy_response
        packet_id::npc_sell_response: tmw_map_server_00cb_npc_sell_response
        packet_id::admin_kick_ack: tmw_map_server_00cd_admin_kick_ack
        packet_id::trade_request_notify: tmw_map_server_00e5_trade_request_notify
        packet_id::trade_response: tmw_map_server_00e7_trade_response
        packet_id::trade_item_add: tmw_map_server_00e9_trade_item_add
        packet_id::trade_ok: tmw_map_server_00ec_trade_ok
        packet_id::trade_cancel: tmw_map_server_00ee_trade_cancel
        packet_id::trade_complete: tmw_map_server_00f0_trade_complete
        packet_id::player_storage_status: tmw_map_server_00f2_player_storage_status
        packet_id::player_storage_add: tmw_map_server_00f4_player_storage_add
        packet_id::player_storage_remove: tmw_map_server_00f6_player_storage_remove
        packet_id::player_storage_close: tmw_map_server_00f8_player_storage_close
        packet_id::party_create_response: tmw_map_server_00fa_party_create_response
        packet_id::party_info: tmw_map_server_00fb_party_info
        packet_id::party_invite_response: tmw_map_server_00fd_party_invite_response
        packet_id::party_invited: tmw_map_server_00fe_party_invited
        packet_id::party_settings: tmw_map_server_0101_party_settings
        packet_id::party_leave_notify: tmw_map_server_0105_party_leave_notify
        packet_id::party_update_hp: tmw_map_server_0106_party_update_hp
        packet_id::party_update_coords: tmw_map_server_0107_party_update_coords
        packet_id::party_message_notify: tmw_map_server_0109_party_message_notify
        packet_id::player_skill_up: tmw_map_server_010e_player_skill_up
        packet_id::player_skills: tmw_map_server_010f_player_skills
        packet_id::skill_failed: tmw_map_server_0110_skill_failed
        packet_id::player_status_change: tmw_map_server_0119_player_status_change
        packet_id::player_move_to_attack: tmw_map_server_0139_player_move_to_attack
        packet_id::player_attack_range: tmw_map_server_013a_player_attack_range
        packet_id::player_arrow_message: tmw_map_server_013b_player_arrow_message
        packet_id::player_arrow_equip: tmw_map_server_013c_player_arrow_equip
        packet_id::player_stat_update_3: tmw_map_server_0141_player_stat_update_3
        packet_id::npc_int_input: tmw_map_server_0142_npc_int_input
        packet_id::being_resurrect: tmw_map_server_0148_being_resurrect
        packet_id::map_quit_response: tmw_map_server_018b_map_quit_response
        packet_id::player_guild_party_info: tmw_map_server_0195_player_guild_party_info
        packet_id::being_status_change: tmw_map_server_0196_being_status_change
        packet_id::pvp_map_mode: tmw_map_server_0199_pvp_map_mode
        packet_id::pvp_set: tmw_map_server_019a_pvp_set
        packet_id::being_self_effect: tmw_map_server_019b_being_self_effect
        packet_id::trade_item_add_response: tmw_map_server_01b1_trade_item_add_response
        packet_id::player_inventory_use_response: tmw_map_server_01c8_player_inventory_use_response
        packet_id::npc_str_input: tmw_map_server_01d4_npc_str_input
        packet_id::being_change_looks2: tmw_map_server_01d7_being_change_looks2
        packet_id::player_update_1: tmw_map_server_01d8_player_update_1
        packet_id::player_update_2: tmw_map_server_01d9_player_update_2
        packet_id::player_move: tmw_map_server_01da_player_move
        packet_id::skill_damage: tmw_map_server_01de_skill_damage
        packet_id::player_inventory: tmw_map_server_01ee_player_inventory
        packet_id::player_storage_items: tmw_map_server_01f0_player_storage_items
        packet_id::being_ip_response: tmw_map_server_020c_being_ip_response
        packet_id::online_list_response: tmw_map_server_0211_online_list_response
        packet_id::npc_command: tmw_map_server_0212_npc_command
        packet_id::quest_set_var: tmw_map_server_0214_quest_set_var
        packet_id::quest_player_vars: tmw_map_server_0215_quest_player_vars
        packet_id::being_move3: tmw_map_server_0225_being_move3
        packet_id::map_mask: tmw_map_server_0226_map_mask
        packet_id::map_music: tmw_map_server_0227_map_music
        packet_id::npc_change_title: tmw_map_server_0228_npc_change_title
        packet_id::script_message: tmw_map_server_0229_script_message
        packet_id::player_client_command: tmw_map_server_0230_player_client_command
        packet_id::map_set_tiles_type: tmw_map_server_0231_map_set_tiles_type
        packet_id::player_hp: tmw_map_server_0232_player_hp
        packet_id::player_hp_full: tmw_map_server_0233_player_hp_full
        packet_id::server_version: tmw_map_server_7531_server_version
        packet_id::hold: tmw_map_server_8000_hold
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0073:
      id: map_login_success
      -orig-id: SMSG_MAP_LOGIN_SUCCESS
      doc: Map Login Success; 11 bytes.
    0x0078:
      id: being_visible
      -orig-id: SMSG_BEING_VISIBLE
      doc: Being Visible; 54 bytes.
    0x007b:
      id: being_move
      -orig-id: SMSG_BEING_MOVE
      doc: Being Move; 60 bytes.
    0x007c:
      id: being_spawn
      -orig-id: SMSG_BEING_SPAWN
      doc: Being Spawn; 41 bytes.
    0x007f:
      id: server_ping
      -orig-id: SMSG_SERVER_PING
      doc: Server Ping; 6 bytes.
    0x0080:
      id: being_remove
      -orig-id: SMSG_BEING_REMOVE
      doc: Being Remove; 7 bytes.
    0x0081:
      id: connection_problem
      -orig-id: SMSG_CONNECTION_PROBLEM
      doc: Connection Problem; 3 bytes.
    0x0087:
      id: walk_response
      -orig-id: SMSG_WALK_RESPONSE
      doc: Walk Response; 12 bytes.
    0x0088:
      id: player_stop
      -orig-id: SMSG_PLAYER_STOP
      doc: Player Stop; 10 bytes.
    0x008a:
      id: being_action
      -orig-id: SMSG_BEING_ACTION
      doc: Being Action; 29 bytes.
    0x008d:
      id: being_chat
      -orig-id: SMSG_BEING_CHAT
      doc: Being Chat; variable length.
    0x008e:
      id: player_chat
      -orig-id: SMSG_PLAYER_CHAT
      doc: Player Chat; variable length.
    0x0091:
      id: player_warp
      -orig-id: SMSG_PLAYER_WARP
      doc: Player Warp; 22 bytes.
    0x0092:
      id: change_map_server
      -orig-id: SMSG_CHANGE_MAP_SERVER
      doc: Change Map Server; 28 bytes.
    0x0095:
      id: being_name_response
      -orig-id: SMSG_BEING_NAME_RESPONSE
      doc: Being Name Response; 30 bytes.
    0x0097:
      id: whisper
      -orig-id: SMSG_WHISPER
      doc: Whisper; variable length.
    0x0098:
      id: whisper_response
      -orig-id: SMSG_WHISPER_RESPONSE
      doc: Whisper Response; 3 bytes.
    0x009a:
      id: gm_chat
      -orig-id: SMSG_GM_CHAT
      doc: GM Chat; variable length.
    0x009c:
      id: being_change_direction
      -orig-id: SMSG_BEING_CHANGE_DIRECTION
      doc: Being Change Direction; 9 bytes.
    0x009d:
      id: item_visible
      -orig-id: SMSG_ITEM_VISIBLE
      doc: Item Visible; 17 bytes.
    0x009e:
      id: item_dropped
      -orig-id: SMSG_ITEM_DROPPED
      doc: Item Dropped; 17 bytes.
    0x00a0:
      id: player_inventory_add
      -orig-id: SMSG_PLAYER_INVENTORY_ADD
      doc: Player Inventory Add; 23 bytes.
    0x00a1:
      id: item_remove
      -orig-id: SMSG_ITEM_REMOVE
      doc: Item Remove; 6 bytes.
    0x00a4:
      id: player_equipment
      -orig-id: SMSG_PLAYER_EQUIPMENT
      doc: Player Equipment; variable length.
    0x00a6:
      id: player_storage_equip
      -orig-id: SMSG_PLAYER_STORAGE_EQUIP
      doc: Player Storage Equip; variable length.
    0x00a8:
      id: item_use_response
      -orig-id: SMSG_ITEM_USE_RESPONSE
      doc: Item Use Response; 7 bytes.
    0x00aa:
      id: player_equip_response
      -orig-id: SMSG_PLAYER_EQUIP
      doc: Player Equip Response; 7 bytes.
    0x00ac:
      id: player_unequip_response
      -orig-id: SMSG_PLAYER_UNEQUIP
      doc: Player Unequip Response; 7 bytes.
    0x00af:
      id: player_inventory_remove
      -orig-id: SMSG_PLAYER_INVENTORY_REMOVE
      doc: Player Inventory Remove; 6 bytes.
    0x00b0:
      id: player_stat_update_1
      -orig-id: SMSG_PLAYER_STAT_UPDATE_1
      doc: Player Stat Update 1; 8 bytes.
    0x00b1:
      id: player_stat_update_2
      -orig-id: SMSG_PLAYER_STAT_UPDATE_2
      doc: Player Stat Update 2; 8 bytes.
    0x00b3:
      id: char_switch_response
      -orig-id: SMSG_CHAR_SWITCH_RESPONSE
      doc: Char Switch Response; 3 bytes.
    0x00b4:
      id: npc_message
      -orig-id: SMSG_NPC_MESSAGE
      doc: NPC Message; variable length.
    0x00b5:
      id: npc_next
      -orig-id: SMSG_NPC_NEXT
      doc: NPC Next; 6 bytes.
    0x00b6:
      id: npc_close
      -orig-id: SMSG_NPC_CLOSE
      doc: NPC Close; 6 bytes.
    0x00b7:
      id: npc_choice
      -orig-id: SMSG_NPC_CHOICE
      doc: NPC Choice; variable length.
    0x00bc:
      id: player_stat_update_4
      -orig-id: SMSG_PLAYER_STAT_UPDATE_4
      doc: Player Stat Update 4; 6 bytes.
    0x00bd:
      id: player_stat_update_5
      -orig-id: SMSG_PLAYER_STAT_UPDATE_5
      doc: Player Stat Update 5; 44 bytes.
    0x00be:
      id: player_stat_update_6
      -orig-id: SMSG_PLAYER_STAT_UPDATE_6
      doc: Player Stat Update 6; 5 bytes.
    0x00c0:
      id: being_emotion
      -orig-id: SMSG_BEING_EMOTION
      doc: Being Emotion; 7 bytes.
    0x00c4:
      id: npc_buy_sell_choice
      -orig-id: SMSG_NPC_BUY_SELL_CHOICE
      doc: NPC Buy Sell Choice; 6 bytes.
    0x00c6:
      id: npc_buy
      -orig-id: SMSG_NPC_BUY
      doc: NPC Buy; variable length.
    0x00c7:
      id: npc_sell
      -orig-id: SMSG_NPC_SELL
      doc: NPC Sell; variable length.
    0x00ca:
      id: npc_buy_response
      -orig-id: SMSG_NPC_BUY_RESPONSE
      doc: NPC Buy Response; 3 bytes.
    0x00cb:
      id: npc_sell_response
      -orig-id: SMSG_NPC_SELL_RESPONSE
      doc: NPC Sell Response; 3 bytes.
    0x00cd:
      id: admin_kick_ack
      -orig-id: SMSG_ADMIN_KICK_ACK
      doc: Admin Kick Ack; 6 bytes.
    0x00e5:
      id: trade_request_notify
      -orig-id: SMSG_TRADE_REQUEST
      doc: Trade Request Notify; 26 bytes.
    0x00e7:
      id: trade_response
      -orig-id: SMSG_TRADE_RESPONSE
      doc: Trade Response; 3 bytes.
    0x00e9:
      id: trade_item_add
      -orig-id: SMSG_TRADE_ITEM_ADD
      doc: Trade Item Add; 19 bytes.
    0x00ec:
      id: trade_ok
      -orig-id: SMSG_TRADE_OK
      doc: Trade OK; 3 bytes.
    0x00ee:
      id: trade_cancel
      -orig-id: SMSG_TRADE_CANCEL
      doc: Trade Cancel; 2 bytes.
    0x00f0:
      id: trade_complete
      -orig-id: SMSG_TRADE_COMPLETE
      doc: Trade Complete; 3 bytes.
    0x00f2:
      id: player_storage_status
      -orig-id: SMSG_PLAYER_STORAGE_STATUS
      doc: Player Storage Status; 6 bytes.
    0x00f4:
      id: player_storage_add
      -orig-id: SMSG_PLAYER_STORAGE_ADD
      doc: Player Storage Add; 21 bytes.
    0x00f6:
      id: player_storage_remove
      -orig-id: SMSG_PLAYER_STORAGE_REMOVE
      doc: Player Storage Remove; 8 bytes.
    0x00f8:
      id: player_storage_close
      -orig-id: SMSG_PLAYER_STORAGE_CLOSE
      doc: Player Storage Close; 2 bytes.
    0x00fa:
      id: party_create_response
      -orig-id: SMSG_PARTY_CREATE
      doc: Party Create Response; 3 bytes.
    0x00fb:
      id: party_info
      -orig-id: SMSG_PARTY_INFO
      doc: Party Info; variable length.
    0x00fd:
      id: party_invite_response
      -orig-id: SMSG_PARTY_INVITE_RESPONSE
      doc: Party Invite Response; 27 bytes.
    0x00fe:
      id: party_invited
      -orig-id: SMSG_PARTY_INVITED
      doc: Party Invited; 30 bytes.
    0x0101:
      id: party_settings
      -orig-id: SMSG_PARTY_SETTINGS
      doc: Party Settings; 6 bytes.
    0x0105:
      id: party_leave_notify
      -orig-id: SMSG_PARTY_LEAVE
      doc: Party Leave Notify; 31 bytes.
    0x0106:
      id: party_update_hp
      -orig-id: SMSG_PARTY_UPDATE_HP
      doc: Party Update HP; 10 bytes.
    0x0107:
      id: party_update_coords
      -orig-id: SMSG_PARTY_UPDATE_COORDS
      doc: Party Update Coords; 10 bytes.
    0x0109:
      id: party_message_notify
      -orig-id: SMSG_PARTY_MESSAGE
      doc: Party Message Notify; variable length.
    0x010e:
      id: player_skill_up
      -orig-id: SMSG_PLAYER_SKILL_UP
      doc: Player Skill Up; 11 bytes.
    0x010f:
      id: player_skills
      -orig-id: SMSG_PLAYER_SKILLS
      doc: Player Skills; variable length.
    0x0110:
      id: skill_failed
      -orig-id: SMSG_SKILL_FAILED
      doc: Skill Failed; 10 bytes.
    0x0119:
      id: player_status_change
      -orig-id: SMSG_PLAYER_STATUS_CHANGE
      doc: Player Status Change; 13 bytes.
    0x0139:
      id: player_move_to_attack
      -orig-id: SMSG_PLAYER_MOVE_TO_ATTACK
      doc: Player Move To Attack; 16 bytes.
    0x013a:
      id: player_attack_range
      -orig-id: SMSG_PLAYER_ATTACK_RANGE
      doc: Player Attack Range; 4 bytes.
    0x013b:
      id: player_arrow_message
      -orig-id: SMSG_PLAYER_ARROW_MESSAGE
      doc: Player Arrow Message; 4 bytes.
    0x013c:
      id: player_arrow_equip
      -orig-id: SMSG_PLAYER_ARROW_EQUIP
      doc: Player Arrow Equip; 4 bytes.
    0x0141:
      id: player_stat_update_3
      -orig-id: SMSG_PLAYER_STAT_UPDATE_3
      doc: Player Stat Update 3; 14 bytes.
    0x0142:
      id: npc_int_input
      -orig-id: SMSG_NPC_INT_INPUT
      doc: NPC Int Input; 6 bytes.
    0x0148:
      id: being_resurrect
      -orig-id: SMSG_BEING_RESURRECT
      doc: Being Resurrect; 8 bytes.
    0x018b:
      id: map_quit_response
      -orig-id: SMSG_MAP_QUIT_RESPONSE
      doc: Map Quit Response; 4 bytes.
    0x0195:
      id: player_guild_party_info
      -orig-id: SMSG_PLAYER_GUILD_PARTY_INFO
      doc: Player Guild Party Info; 102 bytes.
    0x0196:
      id: being_status_change
      -orig-id: SMSG_BEING_STATUS_CHANGE
      doc: Being Status Change; 9 bytes.
    0x0199:
      id: pvp_map_mode
      -orig-id: SMSG_PVP_MAP_MODE
      doc: PvP Map Mode; 4 bytes.
    0x019a:
      id: pvp_set
      -orig-id: SMSG_PVP_SET
      doc: PvP Set; 14 bytes.
    0x019b:
      id: being_self_effect
      -orig-id: SMSG_BEING_SELFEFFECT
      doc: Being Self Effect; 10 bytes.
    0x01b1:
      id: trade_item_add_response
      -orig-id: SMSG_TRADE_ITEM_ADD_RESPONSE
      doc: Trade Item Add Response; 7 bytes.
    0x01c8:
      id: player_inventory_use_response
      -orig-id: SMSG_PLAYER_INVENTORY_USE
      doc: Player Inventory Use Response; 13 bytes.
    0x01d4:
      id: npc_str_input
      -orig-id: SMSG_NPC_STR_INPUT
      doc: NPC Str Input; 6 bytes.
    0x01d7:
      id: being_change_looks2
      -orig-id: SMSG_BEING_CHANGE_LOOKS2
      doc: Being Change Looks 2; 11 bytes.
    0x01d8:
      id: player_update_1
      -orig-id: SMSG_PLAYER_UPDATE_1
      doc: Player Update 1; 54 bytes.
    0x01d9:
      id: player_update_2
      -orig-id: SMSG_PLAYER_UPDATE_2
      doc: Player Update 2; 53 bytes.
    0x01da:
      id: player_move
      -orig-id: SMSG_PLAYER_MOVE
      doc: Player Move; 60 bytes.
    0x01de:
      id: skill_damage
      -orig-id: SMSG_SKILL_DAMAGE
      doc: Skill Damage; 33 bytes.
    0x01ee:
      id: player_inventory
      -orig-id: SMSG_PLAYER_INVENTORY
      doc: Player Inventory; variable length.
    0x01f0:
      id: player_storage_items
      -orig-id: SMSG_PLAYER_STORAGE_ITEMS
      doc: Player Storage Items; variable length.
    0x020c:
      id: being_ip_response
      -orig-id: SMSG_BEING_IP_RESPONSE
      doc: Being IP Response; 10 bytes.
    0x0211:
      id: online_list_response
      -orig-id: SMSG_ONLINE_LIST
      doc: Online List Response; variable length.
    0x0212:
      id: npc_command
      -orig-id: SMSG_NPC_COMMAND
      doc: NPC Command; 16 bytes.
    0x0214:
      id: quest_set_var
      -orig-id: SMSG_QUEST_SET_VAR
      doc: Quest Set Var; 8 bytes.
    0x0215:
      id: quest_player_vars
      -orig-id: SMSG_QUEST_PLAYER_VARS
      doc: Quest Player Vars; variable length.
    0x0225:
      id: being_move3
      -orig-id: SMSG_BEING_MOVE3
      doc: Being Move 3; variable length.
    0x0226:
      id: map_mask
      -orig-id: SMSG_MAP_MASK
      doc: Map Mask; 10 bytes.
    0x0227:
      id: map_music
      -orig-id: SMSG_MAP_MUSIC
      doc: Map Music; variable length.
    0x0228:
      id: npc_change_title
      -orig-id: SMSG_NPC_CHANGETITLE
      doc: NPC Change Title; variable length.
    0x0229:
      id: script_message
      -orig-id: SMSG_SCRIPT_MESSAGE
      doc: Script Message; variable length.
    0x0230:
      id: player_client_command
      -orig-id: SMSG_PLAYER_CLIENT_COMMAND
      doc: Player Client Command; variable length.
    0x0231:
      id: map_set_tiles_type
      -orig-id: SMSG_MAP_SET_TILES_TYPE
      doc: Map Set Tiles Type; 34 bytes.
    0x0232:
      id: player_hp
      -orig-id: SMSG_PLAYER_HP
      doc: Player HP; 10 bytes.
    0x0233:
      id: player_hp_full
      -orig-id: SMSG_PLAYER_HP_FULL
      doc: Player HP Full; 14 bytes.
    0x7531:
      id: server_version
      -orig-id: SMSG_SERVER_VERSION_RESPONSE
      doc: Server Version; 10 bytes.
    0x8000:
      id: hold
      -orig-id: special hold notify
      doc: Hold (special packet); 4 bytes.
-pkttools-packet-lengths:
  0x0061: 50
  0x0062: 3
  0x0063: variable
  0x0064: 55
  0x0065: 17
  0x0066: 3
  0x0067: 37
  0x0068: 46
  0x0069: variable
  0x006a: 23
  0x006b: variable
  0x006c: 3
  0x006d: 108
  0x006e: 3
  0x006f: 2
  0x0070: 3
  0x0071: 28
  0x0072: 19
  0x007d: 2
  0x007e: 6
  0x0085: 5
  0x0089: 7
  0x008c: variable
  0x0090: 7
  0x0094: 6
  0x0096: variable
  0x009b: 5
  0x009f: 6
  0x00a2: 6
  0x00a7: 8
  0x00a9: 6
  0x00ab: 4
  0x00b2: 3
  0x00b8: 7
  0x00b9: 6
  0x00bb: 5
  0x00bf: 3
  0x00c5: 7
  0x00c8: variable
  0x00c9: variable
  0x00e4: 6
  0x00e6: 3
  0x00e8: 8
  0x00eb: 2
  0x00ed: 2
  0x00ef: 2
  0x00f3: 8
  0x00f5: 8
  0x00f7: 2
  0x00f9: 26
  0x00fc: 6
  0x00ff: 10
  0x0100: 2
  0x0102: 6
  0x0103: 30
  0x0108: variable
  0x0112: 4
  0x0118: 2
  0x0143: 10
  0x0146: 6
  0x018a: 4
  0x01d5: variable
  0x0210: 2
  0x2710: 86
  0x2711: 3
  0x2712: 19
  0x2713: 55
  0x2714: 6
  0x2715: 22
  0x2716: 6
  0x2717: 50
  0x2720: variable
  0x2721: 10
  0x2722: 86
  0x2723: 7
  0x2724: 10
  0x2725: 18
  0x2726: variable
  0x2727: 7
  0x2728: variable
  0x2729: variable
  0x272a: 6
  0x2730: 6
  0x2731: 11
  0x2732: variable
  0x2740: 54
  0x2741: 7
  0x2742: 22
  0x2af8: 60
  0x2af9: 3
  0x2afa: variable
  0x2afb: 27
  0x2afc: 22
  0x2afd: variable
  0x2afe: 6
  0x2aff: variable
  0x2b00: 6
  0x2b01: variable
  0x2b02: 22
  0x2b03: 7
  0x2b04: variable
  0x2b05: 49
  0x2b06: 44
  0x2b0a: variable
  0x2b0b: 10
  0x2b0c: 86
  0x2b0d: 7
  0x2b0e: 44
  0x2b0f: 34
  0x2b10: variable
  0x2b11: variable
  0x2b12: 10
  0x2b13: 6
  0x2b14: 11
  0x2b15: variable
  0x2b16: 6
  0x3000: variable
  0x3001: variable
  0x3002: 7
  0x3003: variable
  0x3004: variable
  0x3005: 6
  0x3010: 6
  0x3011: variable
  0x3020: 72
  0x3021: 6
  0x3022: 52
  0x3023: 14
  0x3024: 10
  0x3025: 29
  0x3026: 11
  0x3027: variable
  0x3028: 34
  0x3800: variable
  0x3801: variable
  0x3802: 27
  0x3803: variable
  0x3804: variable
  0x3810: variable
  0x3811: 7
  0x3820: 35
  0x3821: variable
  0x3822: 11
  0x3823: 15
  0x3824: 34
  0x3825: 29
  0x3826: 7
  0x3827: variable
  0x3828: 11
  0x3829: 22
  0x3830: 22
  0x7530: 2
  0x7532: 2
  0x7918: 28
  0x7919: 3
  0x7920: 10
  0x7921: variable
  0x7930: 91
  0x7931: 30
  0x7932: 26
  0x7933: 30
  0x7934: 50
  0x7935: 30
  0x7936: 50
  0x7937: 34
  0x7938: 2
  0x7939: variable
  0x793a: 50
  0x793b: 30
  0x793c: 27
  0x793d: 30
  0x793e: 27
  0x793f: 30
  0x7940: 66
  0x7941: 30
  0x7942: variable
  0x7943: 30
  0x7944: 26
  0x7945: 30
  0x7946: 6
  0x7947: 30
  0x794a: 30
  0x794b: 34
  0x794c: 38
  0x794d: 34
  0x794e: variable
  0x794f: 4
  0x7952: 26
  0x7953: variable
  0x7954: 6
  0x7955: 2
  0x7956: 6
  0x7957: variable
  0x7958: 38
  0x7959: 42
  0x795a: 42
  0x795b: 8
  0x795c: 38
