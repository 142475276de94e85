# Learning Kiosk: English
# Note: no emoji or ambiguous-width symbols (middle dot, circled digits, arrows, ticks);
# separate with spaces or /.

## The shared frame

link-standalone = Stand-alone
top-card = Card { $card }
button-back = Back
button-home = Menu
button-help = Help
button-ok = OK
button-erase = Delete
button-close = Close
button-prev-page = Previous
button-next-page = Next
queue-empty = Nothing to send
queue-waiting = { $count ->
    [one] 1 sign-up to send
   *[other] { $count } sign-ups to send
}
page-of = Page { $page } of { $pages }
ask-staff = Ask staff for help.
list-separator = {", "}

## Dates and times

weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
weekday-short-mon = Mon
weekday-short-tue = Tue
weekday-short-wed = Wed
weekday-short-thu = Thu
weekday-short-fri = Fri
weekday-short-sat = Sat
weekday-short-sun = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date-day-month = { $day } { $month }
day-today = Today
day-tomorrow = Tomorrow
schedule-weekly = Every { $days }, { $time }
schedule-dates = On the dates below

## Distance and direction

distance-here = Right here
distance-km = { $km } km
distance-direction = { $km } km { $direction }
direction-n = north
direction-ne = north-east
direction-e = east
direction-se = south-east
direction-s = south
direction-sw = south-west
direction-w = west
direction-nw = north-west
access-step-free = Step-free, wheelchair access
access-steps = Has steps, no wheelchair access

## Seats and status

seats-left = { $seats ->
    [one] 1 seat left
   *[other] { $seats } seats left
}
seats-full = Full
seats-cancelled = Cancelled
status-waiting = Saved on this kiosk, will be sent to the learning centre when the connection returns
status-short-waiting = Saved here, not yet sent
status-confirmed = Confirmed by the learning centre: your seat is kept
status-waitlisted = On the waiting list: the learning centre will tell you if a seat frees up
status-full = Not accepted: the session was already full
status-duplicate = You already had this session: your earlier sign-up stands
status-invalid = Not accepted by the learning centre
status-parked = Kept on this kiosk for staff to check
status-short-confirmed = Confirmed
status-short-waitlisted = Waiting list
status-short-full = Full, no place
status-short-duplicate = Already signed up
status-short-invalid = Not accepted
status-short-parked = Held for staff
item-kind-signup = Sign-up
item-kind-waitlist = Waiting list
item-kind-cancel = Cancel
item-kind-checkin = Check-in
reason-unknown_activity = the activity is no longer listed
reason-cancelled = the activity was cancelled
reason-no_session = the activity does not meet that day
reason-started = the session had already started
reason-bad_card = the card number is not valid
reason-bad_date = the date was not written as the hub takes it; staff will check it
reason-bad_time = the time it was made was not written as the hub takes it; staff will check it
reason-bad_uuid = the sign-up's number was not written as the hub takes it; staff will check it
reason-malformed = the sign-up could not be read; staff will check it
reason-uuid_reused = the sign-up's number was used twice; staff will check it
reason-too_large = the hub said it was too large to take; staff can send it again
reason-unreadable = the hub could not read it; staff can send it again
reason-bad_request = the hub could not read it; staff can send it again
reason-damaged = its record on this kiosk is damaged and cannot be sent
reason-other = held for a reason the kiosk does not know
detail-label = System detail: { $detail }

## Welcome and home

welcome-title = Welcome to learning!
welcome-card = Tap your learning card on the reader, or type its number and press Enter.
welcome-card-keypad = Swipe your learning card through the reader, or type its number and press Enter.
welcome-look-around = Look around first
welcome-use-number = Use this card number
home-hello = Hello! Your learning card { $card } has been read.
home-ask = What would you like to do? Press a number or tap.
home-ask-keypad = What would you like to do? Press a number.
home-nearby = Activities near here
home-my-signups = My sign-ups
home-finish = Finish: end my visit

## Nearby

nearby-title = Learning activities nearby
nearby-farming-title = Farming, and for farmers, nearby
nearby-scope = within { $km } km, next { $days } days
nearby-empty = Nothing nearby in the coming days with these choices. Try another day or category.
filter-category = Category
filter-audience = For
filter-day = Day
filter-all = All
filter-farming = Farming, and for farmers
filter-title-category = Which kind of activity?
filter-title-audience = Who should it be for?
filter-title-day = Which day?
filter-current = chosen now
filter-menu-title = Choose what to narrow the list by

category-digital_skills = Digital skills
category-health_wellbeing = Health and wellbeing
category-culture_arts = Culture and arts
category-family_education = Family education
category-vocational = Job skills
category-farming = Farming
category-language = Languages
category-environment = Environment
category-civic_law = Civic life and law
category-science = Science
category-other = Other

audience-everyone = Everyone
audience-elders = Older people
audience-farmers = Farmers
audience-women = Women
audience-families = Families
audience-children = Children
audience-people_with_disabilities = People with disabilities
audience-new_citizens = New citizens
audience-workers = Workers

kind-community_college = Community college
kind-community_learning_centre = Community learning centre
kind-adult_school = Adult school
kind-elder_university = University for older people
kind-library = Library
kind-cultural_centre = Cultural centre
kind-distance_learning_point = Distance-learning point
kind-museum = Museum
kind-workplace_learning_centre = Workplace learning centre
kind-other = Other

## Activity

activity-credits = { $credits ->
    [one] 1 credit
   *[other] { $credits } credits
}
activity-choose = Choose a time to sign up: press its number or tap it.
activity-choose-keypad = Choose a time to sign up: press its number.
activity-cancelled = This activity has been cancelled; sign-ups are closed.
activity-no-sessions = No sessions are planned for the coming weeks.

## Signing up

card-entry-title = To sign up, we need your learning card
card-entry-how = Tap your learning card on the reader, or type its number and press Enter.
card-entry-how-keypad = Swipe your learning card through the reader, or type its number and press Enter.
card-error-empty = No card number has been typed yet.
card-error-not-digit = A card number has digits only. Please check it and type it again.
card-error-length = A card number has 16 digits; this one has { $count }. Please check it and type it again.
card-error-district = A card number starts with a Beijing district code; { $code } is not one. Please check the number or try another card.
card-error-check = The check digit does not match: one digit was probably typed wrong. Please check it and type it again.
confirm-title = Please confirm your sign-up
confirm-button = Confirm sign-up
saving = Saving, please wait
receipt-saved = Saved on this kiosk
receipt-existing = You had already signed up for this; here is your sign-up
receipt-code = Sign-up code { $code }
receipt-code-label = Sign-up code
receipt-scan = Scan the QR code with your phone to take the details away.
receipt-show-qr = QR code for your phone
receipt-qr-back = Scan it with your phone. Any key or a tap: back.
receipt-finish = Finish
receipt-more = Sign up for more

refusal-unknown = There is no activity "{ $id }".
refusal-no-session = This activity does not meet on { $date }.
refusal-excepted = This activity does not meet on { $date } (a break in its schedule). Please choose another date.
refusal-cancelled = This activity has been cancelled; sign-ups are closed.
refusal-ended = This session is over. Please choose a later one.
refusal-started = This session has already started, so sign-ups are closed. Please choose a later one.
refusal-full = This session is full. Please choose another time.

## My sign-ups

my-signups-title = My sign-ups
my-signups-loading = Reading your sign-ups
my-signups-none = This card has no sign-ups on this kiosk yet.

## Notices

notice-card-read = Your learning card { $card } has been read.
notice-new-person = A different card was read. Everything about the previous person has been cleared.
notice-disk-full = The kiosk's storage is full, so this sign-up was NOT saved.
notice-save-failed = The kiosk had a fault, so this sign-up was NOT saved.
notice-signups-unavailable = Your sign-ups cannot be read just now.
notice-wrong-pin = That PIN is not right.
notice-pin-locked = Too many wrong PINs. Try again in { $seconds } seconds.
notice-no-staff-pin = No staff PIN is set for this kiosk.
notice-map-chosen = Chosen on the map. Press { $number } again, or Enter, to see what is on there.
notice-outbox-rebuilt = The sign-up file was damaged and has been set aside for checking; { $count } sign-ups were recovered.

## Help

help-title = Help
help-welcome = Tap your learning card or type its number to start. You can also look around first and show your card only when you sign up.
help-welcome-keypad = Swipe your learning card or type its number to start. You can also look around first and show your card only when you sign up. + opens the learning map.
help-home = Press the number of what you would like, or tap it. The last choice finishes and ends your visit.
help-home-keypad = Press the number of what you would like. The last choice finishes and ends your visit.
help-nearby = These are activities near here in the coming days, in the order they start, the nearest place first when two start together. Press a number to open one. To narrow the list by category, by who it is for, or by day, tap those buttons, or press . and then 1, 2 or 3.
help-nearby-keypad = These are activities near here in the coming days, in the order they start, the nearest place first when two start together. Press a number to open one. To narrow the list by category, by who it is for, or by day, press . and then 1, 2 or 3.
help-filter = Press a number or tap one. You then go back to the list.
help-filter-keypad = Press the number of one. You then go back to the list.
help-activity = Here is where and when the activity meets. Press the number of a time to sign up for it.
help-card-entry = Tap your learning card, or type its number with the number keys and press Enter. Backspace deletes a digit.
help-card-entry-keypad = Swipe your learning card, or type its number with the number keys and press Enter. Backspace deletes a digit.
help-confirm = Press Enter to confirm your sign-up, or Esc to go back.
help-receipt = Your sign-up is saved on this kiosk. Note the sign-up code, or scan the QR code with your phone. Press 1 to finish and end your visit.
help-my-signups = These are this card's sign-ups: those saved on this kiosk and, when the connection allows, those at other kiosks of the district, with where each one stands. Press a number to see its receipt again or to cancel it.
help-staff = This page is for staff.
help-keys =
    Keys: Enter OK   Esc or Backspace back   Home start again
    F1 or / help   F2 or * 中文/English   number keys choose   + and - turn pages
    You can also tap the buttons on the screen.
help-keys-keypad =
    Keys: Enter OK   Backspace back   / help   * 中文/English
    number keys choose   + and - turn pages   0 the learning map

## Learning map

map-title = Learning map
map-scale = { $km } km across
map-here = You are here
map-legend = Legend
# The legend's short names of the kinds of venue (the map's letters).
map-kind-community_college = Community college
map-kind-community_learning_centre = Learning centre
map-kind-adult_school = Adult school
map-kind-elder_university = Elder university
map-kind-library = Library
map-kind-cultural_centre = Cultural centre
map-kind-distance_learning_point = Distance learning
map-kind-museum = Museum
map-kind-workplace_learning_centre = Workplace centre
map-kind-other = Other
map-nothing-next = Nothing on in the coming weeks
map-zoom-in = Zoom in
map-zoom-in-short = Closer
map-zoom-out = Zoom out
map-zoom-out-short = Wider
map-back-here = Centre on this kiosk
map-back-here-short = Here
map-north = North
map-north-short = North
map-south = South
map-south-short = South
map-west = West
map-west-short = West
map-east = East
map-east-short = East
home-map = Learning map
button-map = Map
venue-phone = Phone { $phone }
venue-choose = Choose an activity: press its number or tap it.
venue-choose-keypad = Choose an activity: press its number.
venue-none = Nothing is planned here in the coming weeks.
venue-next = Next: { $when }
help-map = The map shows Beijing's districts and the places to learn: @ is this kiosk, letters are places by kind. Tap a place, or press its number in the list, to choose it; the same again, or Enter, shows what is on there. + and - zoom, the arrows move the map, 0 centres the map on this kiosk again (you stay on the map; Esc or Home leaves it).
help-map-keypad = The map shows Beijing's districts and the places to learn: @ is this kiosk, letters are places by kind. Press a place's number in the list to choose it; the same again, or Enter, shows what is on there. + and - zoom, 0 centres the map on this kiosk again (you stay on the map; Backspace leaves it).
help-venue = Here is what is on at this place, soonest first. Press the number of an activity to see its times and sign up.

## Countdown

countdown-title = Are you still there?
countdown-text = To protect your privacy, the screen will go back to the start in { $seconds } seconds and your details will be cleared.
countdown-continue = Continue

## Staff

staff-pin-title = Staff: type the PIN and press Enter.
staff-menu-title = Staff page
staff-kiosk = Kiosk { $id }, config from { $source }
staff-config-demo = the built-in demo site
staff-catalogue = Catalogue: { $venues } places, { $activities } activities
staff-exit = Close the kiosk program

out-of-service-title = This kiosk is out of service: its files have problems. Staff, please see below.
out-of-service-hint = Staff: learning-kiosk check-config FILE prints every problem. Mend the file, then restart the kiosk.
out-of-service-more = and { $count } more: check-config lists them all

## Problems in files

problems-in-file = { $file } has { $count ->
    [one] 1 problem
   *[other] { $count } problems
}:
problem-line = line { $line }
problem-unreadable = the file cannot be read: { $why }
file-fault-not-found = it does not exist
file-fault-permission-denied = the kiosk's user is not allowed to read or write it
file-fault-disk-full = the disk is full
file-fault-wrong-kind = a folder where a file should be, or a file where a folder should be
file-fault-not-text = it is not text (UTF-8)
file-fault-empty = it is empty
file-fault-damaged = the file is damaged
file-fault-in-use = another program is using it
file-fault-other = the disk or the file system failed
problem-syntax-open-text = a text in quotes is not closed: expected the same quote again before the end of the line
problem-syntax-value = expected a value here: a number, true or false, or a text in double quotes ("...")
problem-syntax-no-separator = expected = between the key and its value
problem-syntax-unclosed = a [ or {"{"} is not closed, or a comma is missing between two of its items: expected , between items and ] or {"}"} at the end
problem-syntax-twice = this key is written twice: expected each key once in its section
problem-syntax-number = expected a number written as digits, such as 39.9 or 15
problem-syntax-escape = a backslash in a text starts no escape: expected \\ for a backslash, or the text in single quotes
problem-syntax-json-key = expected a key in double quotes here (after a {"{"} or a comma), or the end of the object
problem-syntax-json-colon = expected : between the key in quotes and its value
problem-syntax-trailing-comma = a comma after the last item: expected none before ] or {"}"}
problem-syntax-after-end = more text after the end of the document: expected nothing after its last {"}"}
problem-syntax-cut-short = the file ends too soon: expected the rest of the document (is it cut short?)
problem-syntax-other = this line is not written as the format asks: expected KEY = VALUE, a [section] on a line of its own, texts in double quotes
problem-named-catalogue = the catalogue "{ $file }" it names cannot be read ({ $why }): expected the path of a learning-catalogue/1 file, relative to this config's folder
problem-named-token = the hub token file "{ $file }" it names cannot be read ({ $why }): expected a file holding this kiosk's token from the district hub, relative to this config's folder
problem-wrong-format = the format must be "learning-catalogue/1", not "{ $found }"
problem-missing = missing: expected { $expected }
problem-wrong-type = expected { $expected }
problem-outside-section = settings above the first [section] line: expected a [{ $section }] line above them
problem-unknown-key = unknown key (a typo?); expected one of: { $allowed }
problem-bad-id = an id is 1 to 64 characters of a-z 0-9 - _ .
problem-duplicate-id = the id "{ $id }" is used twice
problem-unknown-value = "{ $found }" is not allowed; expected one of: { $allowed }
problem-no-such-district = "{ $code }" is not one of Beijing's 16 district codes
problem-out-of-range = expected a value from { $min } to { $max }
problem-too-small = expected at least { $min }
problem-no-venue = no venue "{ $id }"
problem-bad-moment = expected an RFC 3339 time with an offset, like 2026-11-27T14:00:00+08:00
problem-bad-date = expected a date as YYYY-MM-DD
problem-bad-time = expected a time as HH:MM
problem-end-not-after-start = the end must be after the start
problem-until-before-from = "until" is before "from"
problem-no-schedule = needs sessions or repeat, so people know when it meets
problem-no-days = repeat needs at least one weekday
problem-second-session = a second session on { $date } (an activity meets at most once a day)
problem-empty-text = both languages are empty
problem-bad-pin-hash = expected an Argon2 hash (make one with learning-kiosk hash-pin; at most 64 MiB, 10 passes, 8 lanes), never the PIN itself
problem-bad-chord = "{ $chord }" is not a key chord this kiosk can use (for example ctrl+alt+k)
problem-bad-command = not a command line the kiosk can run (check its quotes), for example: espeak-ng -v {"{"}voice{"}"} --stdin
problem-file-too-large = the file is larger than { $max } MiB, the most a catalogue may be
problem-too-long = longer than { $max } characters, the most this field may hold
problem-control-character = holds a control character (only a summary may hold tabs and line breaks)
problem-printer-no-kind = missing: expected kind = "usb", "serial" or "network", saying how the printer is reached
problem-printer-no-device = missing: a { $kind } printer needs its device, for example device = "/dev/usb/lp0" (usb) or device = "/dev/ttyUSB0" (serial)
problem-printer-no-address = missing: a network printer needs its address, an IP address and port, for example address = "192.168.1.50:9100"
problem-printer-bad-address = "{ $found }" is not an IP address and port; expected for example 192.168.1.50:9100
problem-printer-not-for = a { $kind } printer does not use this key (usb takes device; serial takes device and baud; network takes address)
expected-string = a string
expected-number = a number
expected-integer = a whole number
expected-bool = true or false
expected-object = an object (table)
expected-array = a list
expected-text = a text in both languages (zh-CN and en-US)
expected-moment = an RFC 3339 time with an offset
expected-date = a date as YYYY-MM-DD
expected-time = a time as HH:MM

## Command line

cli-config-ok = { $file } is fine: kiosk { $site }, catalogue of { $venues } places and { $activities } activities.
cli-example-pin = Warning: { $file } keeps the example staff PIN 2468. Make a new one with: learning-kiosk hash-pin
cli-signup-saved = Saved on this kiosk as { $code }; it will be sent when the connection returns.
cli-signup-existing = This card already holds this session, as { $code }.
cli-waitlist-saved = The session is full: a place on its waiting list is saved on this kiosk as { $code } (a place in the queue, not a seat). The hub says your place in line when the connection returns.
cli-signup-full-waitlist = To join its waiting list instead, run the same command with --waitlist.
cli-venue-unknown = kiosk.venue is "{ $venue }", but the catalogue has no venue with that id: nobody can check in here until it has.
cli-cancel-saved = Cancelled: the place { $code } is given up. The cancellation is saved on this kiosk and will be sent to the hub.
cli-cancel-existing = The place { $code } was already cancelled on this kiosk.
cli-cancel-started = The session has started: a place can be cancelled only until its start.
cli-cancel-no-code = No sign-up with the code { $code } was made on this kiosk. (With --card, --activity and --date, a place taken at another kiosk is found through the hub.)
cli-cancel-no-place = This card holds no place in { $activity } on { $date } (on this kiosk, or at the hub if it could be reached).
cli-checkin-saved = Checked in ({ $code }). The check-in is saved on this kiosk and will be sent to the hub.
cli-checkin-existing = Already checked in ({ $code }).
cli-checkin-no-venue = This kiosk has no venue (kiosk.venue): name the session with --activity.
cli-checkin-none-open = No session is open for check-in now (from 30 minutes before a session until 30 minutes after its start).
cli-checkin-choose = More than one session is open for check-in here and this card holds none of them: name one with --activity.
cli-checkin-waiting = This card is on the waiting list (place { $place }), not in a seat: it cannot be checked in. Staff can help if a seat is free.
cli-checkin-signed-up = This card had no place: it took a free seat ({ $code }).
cli-storage-failed = The sign-up store cannot be written.
cli-outbox-rebuilt = The sign-up file was damaged and has been set aside as { $file }; { $count } sign-ups were recovered.
cli-queue-total = { $count ->
    [one] 1 sign-up on this kiosk
   *[other] { $count } sign-ups on this kiosk
}
cli-queue-damaged = { $code }  damaged, set aside for staff: its record cannot be read
cli-usage-unknown-option = The command line is wrong: unknown option { $arg }.
cli-usage-unknown-command = The command line is wrong: unknown command { $arg }.
cli-usage-missing = The command line is wrong: missing { $arg }.
cli-usage-bad-value = The command line is wrong: { $arg } cannot be "{ $value }".
cli-usage-conflict = The command line is wrong: { $arg } cannot be used with { $other }.
cli-usage-wrong = The command line is wrong: { $arg }.
cli-usage-not-utf8 = The command line is wrong: an argument is not UTF-8 text (is the terminal set to UTF-8?).
cli-usage-unfinished = The command line is wrong: the command is not finished: { $command }.
cli-usage-help = Run `{ $bin } --help` to see what it takes.
cli-resent = { $count } held sign-ups will be sent again at the next sync.
cli-resend-none = No held sign-up can be sent again (a damaged record cannot be read, so it stays held).
cli-resend-no-code = No held sign-up has the code { $code }.
cli-pin-rule = A PIN is 4 to 12 digits.
cli-bad-at = expected latitude,longitude in degrees, like 39.9965,116.4705
cli-bad-km = expected a distance in km, more than 0 and at most 200
cli-nearby-heading = { $count ->
    [one] 1 session
   *[other] { $count } sessions
} within { $km } km in the next { $days } days, soonest first:

## Sync with the district hub

link-online = Online, synced { $time }
link-offline-since = Offline since { $time }
link-connecting = Not yet connected
link-problem-offline = The hub cannot be reached
link-problem-busy = The hub asked the kiosk to wait
link-problem-busy-for = The hub asks the kiosk to wait { $seconds } s
link-problem-unauthorized = The hub refused this kiosk's token
link-problem-hub = The hub gave an answer the kiosk cannot use
link-problem-storage = The kiosk's own files failed
link-problem-token = The token file cannot be read
link-problem-token-file = The token file { $file } cannot be read: { $why }
link-problem-catalogue = Items from the hub that fail the catalogue's checks were left out; the rest is in use. Left out: { $count }
notice-sync-asked = Syncing with the hub now.
staff-sync-now = Sync now
staff-resend-held = Send held sign-ups again
staff-damaged-row = a damaged record, set aside (it cannot be read, so it cannot be sent)
notice-held-resent = { $count } held sign-ups will be sent again.
staff-hub = Hub { $url }: { $status }
staff-no-hub = No hub: sign-ups stay on this kiosk
staff-allowance-spent = The data allowance for this hour is used up; syncing waits for it
staff-outbox = Sign-ups on this kiosk: { $counts }
staff-outbox-empty = No sign-ups on this kiosk yet
staff-last-problem = Last problem: { $problem }
staff-attention = Need checking (the queue command shows more):
cli-no-hub = This kiosk has no hub: set [hub] url and token_file in the site config, or give --hub and --token-file.
cli-sync-waiting = The hub asks to wait { $seconds } s; trying again then.
cli-sync-failed = The sync did not finish: { $problem }. Nothing is lost; the next sync carries on.
cli-sync-pushed = Sign-ups sent: { $count } ({ $answers }); held for staff: { $parked }
cli-sync-pulled = Catalogue changes received: { $changes } in { $pages } pages
cli-sync-left-out = Items from the hub that did not read, left out: { $count }
cli-sync-bytes = Requests: { $requests }; bytes sent: { $sent }; bytes received: { $received }
cli-sync-nothing-sent = No sign-ups were waiting to be sent.

## Assisted mode: larger, simpler, spoken.
assisted-on = Larger and spoken
assisted-off = Standard view
ask-staff-button = Ask staff
ask-staff-title = Staff are coming
ask-staff-text = We have called a member of staff. Please stay here; someone will come to help you. Press any key or tap to go on.
ask-staff-text-keypad = We have called a member of staff. Please stay here; someone will come to help you. Press any key to go on.
when-title = Which day?
when-today = Today
when-tomorrow = Tomorrow
when-any = Any day
assisted-home-title = What would you like to do?
assisted-nearby-title = Choose an activity
assisted-nearby-farming-title = Farming near here
assisted-activity-question = Choose a time
assisted-card-title = Your learning card, please
assisted-confirm-title = Sign up for this?
assisted-confirm-no = No, go back
assisted-my-signups-title = My sign-ups
assisted-welcome-hint = Hold your card to the reader, or type its number and press Enter.
home-farming = Farming, and for farmers
spoken-card-read = Your card has been read.
spoken-focus = Number { $number }: { $label }
spoken-choice = { $key }, { $label }.
help-assisted = Press 9 or the button to ask staff. Press . or F5 to hear it again. F3 goes back to the standard view.
help-when = Choose the day you want to learn: press its number or tap it.
help-when-keypad = Choose the day you want to learn: press its number.
staff-reader-missing = The card reader cannot be read (input.reader_device); cards typed on the keypad still work.
staff-crashes = Restarted after { $count } crashes in the last day (the latest at { $time }); see the log.
staff-log-failing = Log writes failed { $count } times (is the disk full?); the kiosk carries on, sign-ups are kept.
staff-speech-missing = Speech is not working; the kiosk carries on without it.
home-map-key = Press 0 for the learning map.

## Issue 12: the waiting list, cancelling, checking in and the learning record
status-cancelled = Cancelled: the place is given up
status-checked_in = Checked in
status-short-cancelled = Cancelled
status-short-checked_in = Checked in
reason-not_yours = the cancel named another card's sign-up; staff will check it
reason-not_now = it was outside the session's check-in time
reason-incomplete = it was missing what the hub needs; staff will check it
notice-cancelled = Your place is cancelled. The cancellation is saved and will be sent to the learning centre.
notice-cancel-too-late = The session has started: a place can only be cancelled before the start.
notice-checkin-closed = Check-in is open from 30 minutes before a session until 30 minutes after its start.
home-record = My learning record
full-title = This session is full
full-join = Join the waiting list
full-waiting = About { $count } people are waiting.
full-note = You can join the waiting list. If a seat frees up, you get it in the order people joined, and we tell you at your next card read.
full-note-others = Join the waiting list, or choose another time that still has seats.
confirm-waitlist-title = Join the waiting list for this session?
confirm-waitlist-button = Join the waiting list
confirm-waitlist-note = This is a place in a queue, not a seat.
receipt-waitlist = You are on the waiting list
receipt-waitlist-note = This is a place in a queue, not a seat yet. If a seat frees up, you get it in turn, and we tell you at your next card read.
receipt-waitlist-place = You are number { $place } in line. This is a place in a queue, not a seat yet; we tell you at your next card read if a seat frees up.
receipt-cancel = Cancel this sign-up
cancel-title = Cancel your place?
cancel-yes = Yes, cancel it
cancel-no = No, keep it
cancel-note = Someone on the waiting list may then get your seat. You can sign up again later if seats are left.
good-news-title = Good news: you have a seat!
good-news-note = A seat came free and it is yours now. See it under "My sign-ups".
good-news-continue = Continue
record-title = My learning record
record-this-year = In { $year }: { $sessions } { $sessions ->
        [one] session
       *[other] sessions
    }, { $hours } hours, { $credits } credits
record-all = In all: { $sessions } { $sessions ->
        [one] session
       *[other] sessions
    }, { $hours } hours, { $credits } credits
record-waiting = { $count ->
        [one] One check-in on this kiosk is still being sent and is not counted yet.
       *[other] { $count } check-ins on this kiosk are still being sent and are not counted yet.
    }
record-asking = Asking the learning centre for your record...
record-waiting-here = { $count ->
        [one] One check-in is saved on this kiosk and waits to be sent.
       *[other] { $count } check-ins are saved on this kiosk and wait to be sent.
    }
record-needs-link = The rest of your record is kept by the learning centre and needs the connection. Please try again later.
checkin-checking = Checking you in...
checkin-done = Checked in
checkin-again = You are already checked in
checkin-done-note = Welcome! Your attendance is saved and counts towards your learning record.
checkin-no-place = You are not signed up for this session
checkin-take-seat-note = A seat is free: take it and you are checked in.
checkin-full-note = This session is full. Please ask the staff here.
checkin-take-seat = Take a free seat: { $title }
checkin-waiting = You are on the waiting list
checkin-waiting-place = You are number { $place } in line, not in a seat yet. Please ask the staff here if a seat is free.
checkin-waiting-note = You are on the waiting list, not in a seat yet. Please ask the staff here if a seat is free.
checkin-failed = You could not be checked in
checkin-home = Go on to the home menu
checkin-finish = Finish: end my visit
my-signups-cancelling = Cancelling
my-signups-place = number { $place } in line
my-signups-elsewhere = taken at another kiosk
my-signups-needs-link = Sign-ups from other kiosks show when the connection is back.
my-signups-open = Choose one to see its receipt again, or to cancel it.
help-full = This session is full. Press 1 to join its waiting list, or the number of another time with seats. Esc goes back.
help-cancel = Press 1 to cancel your place, or 2 to keep it.
help-good-news = A seat came free for you. Press 1 to continue.
help-check-in = This kiosk checks people in to today's sessions here. Press a number to choose.
help-record = Your sessions attended, hours and credits. Press 1 or Esc to go back.
staff-today-here = Today at this venue (signed up / seats, waiting, checked in here):
staff-today-none = No sessions today.
staff-session-line = { $time } { $title }: { $taken }/{ $capacity }, { $waiting } waiting, { $checked } checked in
staff-session-cancelled = { $time } { $title }: cancelled, no session
receipt-reopened = Your sign-up
receipt-print = Print a receipt
notice-printing = Printing your receipt, one moment.
notice-printed = Your receipt is printed. Please take it from the printer.
notice-printer-off = The printer is off or unplugged, so nothing was printed. Your sign-up is saved.
notice-printer-no-paper = The printer is out of paper, so nothing was printed. Your sign-up is saved.
notice-printer-timeout = The printer did not answer in time, so the receipt may not have printed. Your sign-up is saved.
staff-no-printer = Printer: no printer
staff-printer = Printer ({ $kind } { $target }): { $status }
staff-printer-unused = nothing printed yet
staff-printer-last = { $outcome } at { $time }
printer-outcome-printed = printed
printer-outcome-off = off or unplugged
printer-outcome-no-paper = out of paper
printer-outcome-timeout = did not answer in time
print-code-label = Sign-up code
