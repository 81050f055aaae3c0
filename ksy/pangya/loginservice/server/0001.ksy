meta:
  id: pangya_loginservice_server_0001_login
  title: LoginService Server Login Packet
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
doc: |
  This packet is sent by the PangYa server in a variety of circumstances, and has many different
  forms. The primary function of this packet is to provide a response to the client Login
  request packet (LoginService client 0x0001).

  The other roles this packet is used in are still fairly related. During first login, a user is
  sent this packet with status::need_set_nickname, which prompts the client to set a nickname.
  After that, the login packet is sent again with status::need_select_character. Finally, it is
  sent with the usual status::success once the character is selected.

  When the server returns error_code::already_logged_in, the client then automatically sends
  LoginService Client 0x0004 Ghost to end the old session. This may happen, for example, if your
  last session was disconnected before you were able to log out or exit properly. If you are
  still connected, the server will instead return error_code::duplicate_connection.

  In hsreina/pangya-server, the packet ID is TSLPID.LOGIN.

  Status values differ between server builds; the ones below are those of the Thai TH.R6.829.01
  captures packetdoc documents. A status outside the enum keeps its number and leaves the rest
  of the packet unparsed (there is no way to know its layout).
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0001.ksy
  - https://github.com/hsreina/pangya-server
seq:
  - id: status
    type: u1
    enum: status
    doc: Status code; zero when the login was successful.
  - id: response
    type:
      switch-on: status
      cases:
        status::success: login_success
        status::need_set_nickname: login_need_set_nickname
        status::need_select_character: login_need_select_character
        status::error: login_error
    doc: The rest of the packet; its form depends on `status`.
types:
  login_success:
    doc: Sent after a successful login.
    seq:
      - id: username
        type: pangya_pstring
        doc: |
          Name used for authentication. The game typically enforces that this differ from your
          nickname.
      - id: user_id
        type: u4
        doc: User ID. Probably usually just the primary key in a database.
      - id: unknown
        size: 14
        doc: Some unknown bytes; most of these are zeros.
      - id: nickname
        type: pangya_pstring
        doc: |
          The user's nickname. As a wrinkle, official servers seem to return an empty string for
          this after the first login process is completed, despite the fact that a nickname was
          set already.
  login_need_set_nickname:
    doc: Sent on a first login; the client then asks the user for a nickname.
    seq:
      - id: unused
        contents: [0xff, 0xff, 0xff, 0xff]
        doc: Appears to just be a constant, 0xff 0xff 0xff 0xff.
  login_need_select_character:
    doc: Sent once a nickname is set; the client then asks the user to pick a character.
    seq: []
  login_error:
    doc: Sent when the login is refused.
    seq:
      - id: error_code
        type: u4
        enum: error_code
        doc: An error code. See the error_code enumeration for known possible values.
enums:
  status:
    0:
      id: success
      doc: The login succeeded; the response is login_success.
    217:
      id: need_set_nickname
      doc: First login; the client must set a nickname (0xD9).
    218:
      id: need_select_character
      doc: The client must select a character (0xDA).
    227:
      id: error
      doc: The login failed; the response carries an error_code (0xE3).
  error_code:
    5100019:
      id: already_logged_in
      doc: |
        A previous session is still open; the client answers with LoginService client 0x0004
        (Ghost) to end it.
    5100107:
      id: duplicate_connection
      doc: The account is connected right now.
    5100143:
      id: invalid_credentials
      doc: Wrong username or password.
    5157002:
      id: bad_reconnect_token
      doc: The token of a reconnect attempt was not accepted.
