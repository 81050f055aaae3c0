meta:
  id: tmw_enums
  title: TMW codes shared by several char and map server packets
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
doc: |
  Closed sets of codes that more than one TMW packet carries, in one place so every packet
  names them the same way (`enum: tmw_enums::direction`). The numbers are tmwAthena's
  (src/mmo/enums.hpp, src/mmo/clif.t.hpp; tools/protocol.py names which packet uses which);
  ManaPlus reads the same numbers (src/enums/being/, src/net/tmwa/). A value outside an enum
  still parses and keeps its number. Bit sets (equipment slots, status options) are plain
  integers documented at each field.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/enums.hpp
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/clif.t.hpp
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beingrecv.cpp
seq: []
enums:
  sex:
    0:
      id: female
      -orig-id: FEMALE
      doc: Female.
    1:
      id: male
      -orig-id: MALE
      doc: Male.
    2:
      id: unspecified
      -orig-id: UNSPECIFIED
      doc: Not specified (what the login server sends for accounts).
    3:
      id: neutral
      -orig-id: NEUTRAL
      doc: Neutral (items and NPCs).
  direction:
    0:
      id: south
      -orig-id: S
      doc: South, towards the bottom of the map (y grows).
    1:
      id: south_west
      -orig-id: SW
      doc: South-west.
    2:
      id: west
      -orig-id: W
      doc: West, towards x = 0.
    3:
      id: north_west
      -orig-id: NW
      doc: North-west.
    4:
      id: north
      -orig-id: N
      doc: North, towards y = 0.
    5:
      id: north_east
      -orig-id: NE
      doc: North-east.
    6:
      id: east
      -orig-id: E
      doc: East (x grows).
    7:
      id: south_east
      -orig-id: SE
      doc: South-east.
  being_remove_reason:
    0:
      id: gone
      -orig-id: GONE
      doc: Out of sight, or gone for another reason.
    1:
      id: dead
      -orig-id: DEAD
      doc: Died; ManaPlus plays the death animation.
    2:
      id: quit
      -orig-id: QUIT
      doc: The player logged out.
    3:
      id: warped
      -orig-id: WARPED
      doc: Warped away.
    9:
      id: disguise
      -orig-id: DISGUISE
      doc: Disguise change (tmwAthena sends 0 for it on the wire).
  damage_type:
    0:
      id: hit
      -orig-id: NORMAL
      doc: A normal hit (0x008a), or a single attack request (0x0089).
    1:
      id: pick_up
      -orig-id: TAKEITEM
      doc: Picks up an item.
    2:
      id: sit
      -orig-id: SIT
      doc: Sits down.
    3:
      id: stand
      -orig-id: STAND
      doc: Stands up.
    4:
      id: reflected
      -orig-id: RETURNED
      doc: Damage returned (reflected).
    7:
      id: continuous
      -orig-id: CONTINUOUS
      doc: A continuous attack request (0x0089).
    8:
      id: double_hit
      -orig-id: DOUBLED
      doc: A double hit.
    10:
      id: critical
      -orig-id: CRITICAL
      doc: A critical hit.
    11:
      id: perfect_dodge
      -orig-id: FLEE2
      doc: A lucky (perfect) dodge.
    12:
      id: deadly
      -orig-id: DEADLY
      doc: A deadly strike.
  look_type:
    0:
      id: base
      -orig-id: BASE
      doc: Base sprite (species).
    1:
      id: hair
      -orig-id: HAIR
      doc: Hair style.
    2:
      id: weapon
      -orig-id: WEAPON
      doc: Weapon (value = item id; shield follows).
    3:
      id: head_bottom
      -orig-id: HEAD_BOTTOM
      doc: Legs slot item.
    4:
      id: head_top
      -orig-id: HEAD_TOP
      doc: Hat slot item.
    5:
      id: head_mid
      -orig-id: HEAD_MID
      doc: Torso slot item.
    6:
      id: hair_color
      -orig-id: HAIR_COLOR
      doc: Hair colour.
    7:
      id: clothes_color
      -orig-id: CLOTHES_COLOR
      doc: Clothes colour.
    8:
      id: shield
      -orig-id: SHIELD
      doc: Shield slot item.
    9:
      id: shoes
      -orig-id: SHOES
      doc: Shoes slot item.
    10:
      id: gloves
      -orig-id: GLOVES
      doc: Gloves slot item.
    11:
      id: cape
      -orig-id: CAPE
      doc: Cape slot item.
    12:
      id: misc1
      -orig-id: MISC1
      doc: First misc slot item.
    13:
      id: misc2
      -orig-id: MISC2
      doc: Second misc slot item.
  item_type:
    0:
      id: usable
      -orig-id: USE
      doc: Usable (healing) item.
    2:
      id: usable_other
      -orig-id: _2
      doc: Other usable item (eAthena heritage).
    3:
      id: junk
      -orig-id: JUNK
      doc: Item with no use (quest items, ingredients).
    4:
      id: weapon
      -orig-id: WEAPON
      doc: Weapon.
    5:
      id: armor
      -orig-id: ARMOR
      doc: Any other equipment.
    10:
      id: ammo
      -orig-id: ARROW
      doc: Ammunition (arrows).
  pickup_fail:
    0:
      id: okay
      -orig-id: OKAY
      doc: Picked up.
    1:
      id: bad_item
      -orig-id: BAD_ITEM
      doc: Invalid item.
    2:
      id: too_heavy
      -orig-id: TOO_HEAVY
      doc: Too heavy to carry.
    3:
      id: too_far
      -orig-id: TOO_FAR
      doc: Too far away.
    4:
      id: inventory_full
      -orig-id: INV_FULL
      doc: No room in the inventory.
    5:
      id: stack_full
      -orig-id: STACK_FULL
      doc: The stack is full.
    6:
      id: drop_steal
      -orig-id: DROP_STEAL
      doc: Belongs to someone else for now.
  status_type:
    0:
      id: speed
      -orig-id: SPEED
      doc: Walking speed (ms per tile).
    1:
      id: base_exp
      -orig-id: BASEEXP
      doc: Base experience.
    2:
      id: job_exp
      -orig-id: JOBEXP
      doc: Job experience.
    3:
      id: karma
      -orig-id: KARMA
      doc: Karma (not sent by tmwAthena).
    5:
      id: hp
      -orig-id: HP
      doc: Hit points.
    6:
      id: max_hp
      -orig-id: MAXHP
      doc: Maximum hit points.
    7:
      id: sp
      -orig-id: SP
      doc: Spell points (mana).
    8:
      id: max_sp
      -orig-id: MAXSP
      doc: Maximum spell points.
    9:
      id: status_point
      -orig-id: STATUSPOINT
      doc: Unspent status points.
    10:
      id: heal_xp
      -orig-id: HEALXP
      doc: Healing experience (TMW).
    11:
      id: base_level
      -orig-id: BASELEVEL
      doc: Base level.
    12:
      id: skill_point
      -orig-id: SKILLPOINT
      doc: Unspent skill points.
    13:
      id: str
      -orig-id: STR
      doc: Strength.
    14:
      id: agi
      -orig-id: AGI
      doc: Agility.
    15:
      id: vit
      -orig-id: VIT
      doc: Vitality.
    16:
      id: int
      -orig-id: INT
      doc: Intelligence.
    17:
      id: dex
      -orig-id: DEX
      doc: Dexterity.
    18:
      id: luk
      -orig-id: LUK
      doc: Luck.
    19:
      id: job
      -orig-id: CLASS
      doc: Class (job).
    20:
      id: zeny
      -orig-id: ZENY
      doc: Money (GP).
    21:
      id: sex
      -orig-id: SEX
      doc: Sex.
    22:
      id: next_base_exp
      -orig-id: NEXTBASEEXP
      doc: Base experience needed for the next level.
    23:
      id: next_job_exp
      -orig-id: NEXTJOBEXP
      doc: Job experience needed for the next level.
    24:
      id: weight
      -orig-id: WEIGHT
      doc: Weight carried.
    25:
      id: max_weight
      -orig-id: MAXWEIGHT
      doc: Maximum weight.
    32:
      id: str_cost
      -orig-id: USTR
      doc: Status points needed to raise strength.
    33:
      id: agi_cost
      -orig-id: UAGI
      doc: Status points needed to raise agility.
    34:
      id: vit_cost
      -orig-id: UVIT
      doc: Status points needed to raise vitality.
    35:
      id: int_cost
      -orig-id: UINT
      doc: Status points needed to raise intelligence.
    36:
      id: dex_cost
      -orig-id: UDEX
      doc: Status points needed to raise dexterity.
    37:
      id: luk_cost
      -orig-id: ULUK
      doc: Status points needed to raise luck.
    41:
      id: atk1
      -orig-id: ATK1
      doc: Attack from stats.
    42:
      id: atk2
      -orig-id: ATK2
      doc: Attack from equipment.
    43:
      id: matk1
      -orig-id: MATK1
      doc: Magic attack, maximum.
    44:
      id: matk2
      -orig-id: MATK2
      doc: Magic attack, minimum.
    45:
      id: def1
      -orig-id: DEF1
      doc: Defence from equipment.
    46:
      id: def2
      -orig-id: DEF2
      doc: Defence from vitality.
    47:
      id: mdef1
      -orig-id: MDEF1
      doc: Magic defence from equipment.
    48:
      id: mdef2
      -orig-id: MDEF2
      doc: Magic defence from stats.
    49:
      id: hit
      -orig-id: HIT
      doc: Accuracy.
    50:
      id: flee1
      -orig-id: FLEE1
      doc: Evasion.
    51:
      id: flee2
      -orig-id: FLEE2
      doc: Perfect dodge.
    52:
      id: critical
      -orig-id: CRITICAL
      doc: Critical rate.
    53:
      id: aspd
      -orig-id: ASPD
      doc: Attack delay.
    55:
      id: job_level
      -orig-id: JOBLEVEL
      doc: Job level.
    57:
      id: partner
      -orig-id: PARTNER
      doc: Partner (marriage).
    61:
      id: str_bonus
      -orig-id: STR2
      doc: Strength from equipment.
    62:
      id: agi_bonus
      -orig-id: AGI2
      doc: Agility from equipment.
    63:
      id: vit_bonus
      -orig-id: VIT2
      doc: Vitality from equipment.
    64:
      id: int_bonus
      -orig-id: INT2
      doc: Intelligence from equipment.
    65:
      id: dex_bonus
      -orig-id: DEX2
      doc: Dexterity from equipment.
    66:
      id: luk_bonus
      -orig-id: LUK2
      doc: Luck from equipment.
