meta:
  id: flyff_enums
  title: FlyFF codes shared by several packets
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
doc: |
  Closed sets of codes that more than one FlyFF packet carries, in one place so every packet
  names them the same way (`enum: flyff_enums::job`). The values are those of the official v15
  source (`Resource/define.h`, `Resource/defineJob.h`, `Resource/defineObj.h`); Rhisis uses the
  same numbers. A value outside an enum still parses and keeps its number.
doc-ref:
  - https://github.com/SPSquonK/useleSS/blob/original-code/Resource/defineJob.h
  - https://github.com/SPSquonK/useleSS/blob/original-code/Resource/define.h
  - https://github.com/SPSquonK/useleSS/blob/original-code/Resource/defineObj.h
seq: []
enums:
  gender:
    0:
      id: male
      -orig-id: SEX_MALE
      doc: Male character.
    1:
      id: female
      -orig-id: SEX_FEMALE
      doc: Female character.
  model_id:
    11:
      id: male
      -orig-id: MI_MALE
      doc: The male player model (0x0B + gender 0).
    12:
      id: female
      -orig-id: MI_FEMALE
      doc: The female player model (0x0B + gender 1).
  job:
    0:
      id: vagrant
      -orig-id: JOB_VAGRANT
      doc: Starting job, before the first job change.
    1:
      id: mercenary
      -orig-id: JOB_MERCENARY
      doc: First job (expert).
    2:
      id: acrobat
      -orig-id: JOB_ACROBAT
      doc: First job (expert).
    3:
      id: assist
      -orig-id: JOB_ASSIST
      doc: First job (expert).
    4:
      id: magician
      -orig-id: JOB_MAGICIAN
      doc: First job (expert).
    5:
      id: puppeteer
      -orig-id: JOB_PUPPETEER
      doc: First job (expert); defined but not playable.
    6:
      id: knight
      -orig-id: JOB_KNIGHT
      doc: Second job (professional), from mercenary.
    7:
      id: blade
      -orig-id: JOB_BLADE
      doc: Second job (professional), from mercenary.
    8:
      id: jester
      -orig-id: JOB_JESTER
      doc: Second job (professional), from acrobat.
    9:
      id: ranger
      -orig-id: JOB_RANGER
      doc: Second job (professional), from acrobat.
    10:
      id: ringmaster
      -orig-id: JOB_RINGMASTER
      doc: Second job (professional), from assist.
    11:
      id: billposter
      -orig-id: JOB_BILLPOSTER
      doc: Second job (professional), from assist.
    12:
      id: psychikeeper
      -orig-id: JOB_PSYCHIKEEPER
      doc: Second job (professional), from magician.
    13:
      id: elementor
      -orig-id: JOB_ELEMENTOR
      doc: Second job (professional), from magician.
    14:
      id: gatekeeper
      -orig-id: JOB_GATEKEEPER
      doc: Second job (professional); defined but not playable.
    15:
      id: doppler
      -orig-id: JOB_DOPPLER
      doc: Second job (professional); defined but not playable.
    16:
      id: knight_master
      -orig-id: JOB_KNIGHT_MASTER
      doc: Master knight.
    17:
      id: blade_master
      -orig-id: JOB_BLADE_MASTER
      doc: Master blade.
    18:
      id: jester_master
      -orig-id: JOB_JESTER_MASTER
      doc: Master jester.
    19:
      id: ranger_master
      -orig-id: JOB_RANGER_MASTER
      doc: Master ranger.
    20:
      id: ringmaster_master
      -orig-id: JOB_RINGMASTER_MASTER
      doc: Master ringmaster.
    21:
      id: billposter_master
      -orig-id: JOB_BILLPOSTER_MASTER
      doc: Master billposter.
    22:
      id: psychikeeper_master
      -orig-id: JOB_PSYCHIKEEPER_MASTER
      doc: Master psychikeeper.
    23:
      id: elementor_master
      -orig-id: JOB_ELEMENTOR_MASTER
      doc: Master elementor.
    24:
      id: knight_hero
      -orig-id: JOB_KNIGHT_HERO
      doc: Hero knight.
    25:
      id: blade_hero
      -orig-id: JOB_BLADE_HERO
      doc: Hero blade.
    26:
      id: jester_hero
      -orig-id: JOB_JESTER_HERO
      doc: Hero jester.
    27:
      id: ranger_hero
      -orig-id: JOB_RANGER_HERO
      doc: Hero ranger.
    28:
      id: ringmaster_hero
      -orig-id: JOB_RINGMASTER_HERO
      doc: Hero ringmaster.
    29:
      id: billposter_hero
      -orig-id: JOB_BILLPOSTER_HERO
      doc: Hero billposter.
    30:
      id: psychikeeper_hero
      -orig-id: JOB_PSYCHIKEEPER_HERO
      doc: Hero psychikeeper.
    31:
      id: elementor_hero
      -orig-id: JOB_ELEMENTOR_HERO
      doc: Hero elementor.
