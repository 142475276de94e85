# Learning Kiosk: 简体中文
# 注意：不要使用表情符号或宽度不定的符号（如中点、圆圈数字、箭头、对勾），分隔请用空格或 /。

## 共用的框架

link-standalone = 单机
top-card = 卡 { $card }
button-back = 返回
button-home = 主页
button-help = 帮助
button-ok = 确定
button-erase = 删除
button-close = 关闭
button-prev-page = 上一页
button-next-page = 下一页
queue-empty = 没有待发送的报名
queue-waiting = { $count } 条报名待发送
page-of = 第 { $page } 页，共 { $pages } 页
ask-staff = 需要帮助请找工作人员。
list-separator = 、

## 日期和时间

weekday-mon = 周一
weekday-tue = 周二
weekday-wed = 周三
weekday-thu = 周四
weekday-fri = 周五
weekday-sat = 周六
weekday-sun = 周日
weekday-short-mon = 一
weekday-short-tue = 二
weekday-short-wed = 三
weekday-short-thu = 四
weekday-short-fri = 五
weekday-short-sat = 六
weekday-short-sun = 日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date-day-month = { $monthnum }月{ $day }日
day-today = 今天
day-tomorrow = 明天
schedule-weekly = 每周{ $days } { $time }
schedule-dates = 按下面的日期上课

## 距离和方向

distance-here = 就在这里
distance-km = { $km } 公里
distance-direction = { $direction }方向 { $km } 公里
direction-n = 正北
direction-ne = 东北
direction-e = 正东
direction-se = 东南
direction-s = 正南
direction-sw = 西南
direction-w = 正西
direction-nw = 西北
access-step-free = 无台阶，轮椅可进入
access-steps = 有台阶，轮椅进入不便

## 名额和状态

seats-left = 还有 { $seats } 个名额
seats-full = 已满
seats-cancelled = 已取消
status-waiting = 已保存在本机，联网后会发送到学习中心确认
status-short-waiting = 已存本机，待发送
status-confirmed = 学习中心已确认，名额为您保留
status-waitlisted = 已进入候补名单，有空位时学习中心会通知您
status-full = 没有报上：这次活动已经满了
status-duplicate = 您之前已经报过这次活动，原来的报名有效
status-invalid = 学习中心没有接受这个报名
status-parked = 暂存在本机，请工作人员查看
status-short-confirmed = 已确认
status-short-waitlisted = 候补
status-short-full = 已满，没有报上
status-short-duplicate = 已经报过
status-short-invalid = 没有被接受
status-short-parked = 请工作人员查看
item-kind-signup = 报名
item-kind-waitlist = 候补
item-kind-cancel = 取消报名
item-kind-checkin = 签到
reason-unknown_activity = 这个活动已经不在目录里了
reason-cancelled = 这个活动已经取消
reason-no_session = 这个活动那天没有课
reason-started = 报名时活动已经开始
reason-bad_card = 卡号无效
reason-bad_date = 日期写法不对，工作人员会查看
reason-bad_time = 报名时间写法不对，工作人员会查看
reason-bad_uuid = 报名编号写法不对，工作人员会查看
reason-malformed = 报名信息读不出来，工作人员会查看
reason-uuid_reused = 报名编号重复，工作人员会查看
reason-too_large = 区里的服务器说它太大，无法接收；工作人员可以重新发送
reason-unreadable = 区里的服务器读不懂它；工作人员可以重新发送
reason-bad_request = 区里的服务器读不懂它；工作人员可以重新发送
reason-damaged = 本机上的这条记录已损坏，无法发送
reason-other = 因本机不认识的原因被暂扣
detail-label = 系统详情：{ $detail }

## 欢迎和主页

welcome-title = 欢迎来学习！
welcome-card = 请刷学习卡，或输入卡号后按 Enter。
welcome-card-keypad = 请刷学习卡，或输入卡号后按 Enter。
welcome-look-around = 先看看附近的活动
welcome-use-number = 使用这个卡号
home-hello = 您好！已读取您的学习卡 { $card }。
home-ask = 您想做什么？请按数字键或点一下。
home-ask-keypad = 您想做什么？请按数字键。
home-nearby = 附近的活动
home-my-signups = 我的报名
home-finish = 完成，结束使用

## 附近的活动

nearby-title = 附近的学习活动
nearby-farming-title = 附近的农业活动和面向农民的活动
nearby-scope = { $km } 公里以内，未来 { $days } 天
nearby-empty = 按现在的条件，附近这几天没有活动。请换一个日期或类别试试。
filter-category = 类别
filter-audience = 人群
filter-day = 日期
filter-all = 全部
filter-farming = 农业和面向农民
filter-title-category = 选择活动类别
filter-title-audience = 选择适合的人群
filter-title-day = 选择哪一天
filter-current = 当前
filter-menu-title = 选择筛选条件

category-digital_skills = 数字技能
category-health_wellbeing = 健康养生
category-culture_arts = 文化艺术
category-family_education = 家庭教育
category-vocational = 职业技能
category-farming = 农业技术
category-language = 语言
category-environment = 环境保护
category-civic_law = 社会与法律
category-science = 科学普及
category-other = 其他

audience-everyone = 所有人
audience-elders = 老年人
audience-farmers = 农民
audience-women = 妇女
audience-families = 家庭
audience-children = 儿童
audience-people_with_disabilities = 残疾人
audience-new_citizens = 新市民
audience-workers = 职工

kind-community_college = 社区学院
kind-community_learning_centre = 社区学习中心
kind-adult_school = 成人学校
kind-elder_university = 老年大学
kind-library = 图书馆
kind-cultural_centre = 文化馆
kind-distance_learning_point = 远程学习点
kind-museum = 博物馆
kind-workplace_learning_centre = 职工学习中心
kind-other = 其他

## 活动

activity-credits = { $credits } 学分
activity-choose = 选择一个时间报名：按数字键或点一下。
activity-choose-keypad = 选择一个时间报名：按数字键。
activity-cancelled = 这个活动已经取消，不能报名。
activity-no-sessions = 近期没有安排上课时间。

## 报名

card-entry-title = 报名需要您的学习卡
card-entry-how = 请刷学习卡，或输入卡号后按 Enter。
card-entry-how-keypad = 请刷学习卡，或输入卡号后按 Enter。
card-error-empty = 还没有输入卡号。
card-error-not-digit = 卡号只能有数字。请检查后再输入一次。
card-error-length = 卡号应该是 16 位数字，现在是 { $count } 位。请检查后再输入一次。
card-error-district = 卡号开头的 { $code } 不是北京的区号。请检查卡号，或换一张卡。
card-error-check = 卡号的校验位不对，可能有一位输错了。请检查后再输入一次。
confirm-title = 请确认报名
confirm-button = 确认报名
saving = 正在保存，请稍候
receipt-saved = 已保存在本机
receipt-existing = 您已经报过这个活动了，这是您原来的报名
receipt-code = 报名号 { $code }
receipt-code-label = 报名号
receipt-show-qr = 手机扫码带走
receipt-qr-back = 用手机扫这个二维码，带走报名信息。按任意键或点一下返回。
receipt-scan = 用手机扫二维码，把这条活动的信息带走。
receipt-finish = 完成
receipt-more = 继续报名

refusal-unknown = 找不到这个活动（{ $id }）。
refusal-no-session = 这个活动 { $date } 没有课。
refusal-excepted = 这个活动 { $date } 停课一次。请选择别的日期。
refusal-cancelled = 这个活动已经取消，不能报名。
refusal-ended = 这次活动已经结束了。请选择以后的时间。
refusal-started = 这次活动已经开始了，不能再报名。请选择以后的时间。
refusal-full = 这次活动已经满了。请选择别的时间。

## 我的报名

my-signups-title = 我的报名
my-signups-loading = 正在读取
my-signups-none = 这张卡在本机还没有报名。

## 提示

notice-card-read = 已读取您的学习卡 { $card }。
notice-new-person = 读到了另一张卡。上一位的信息已经清除。
notice-disk-full = 本机存储空间已满，这次报名没有保存。
notice-save-failed = 本机出了故障，这次报名没有保存。
notice-signups-unavailable = 现在读不出您的报名记录。
notice-wrong-pin = 密码不对。
notice-pin-locked = 密码错误次数太多，请 { $seconds } 秒后再试。
notice-no-staff-pin = 这台学习亭没有设置工作人员密码。
notice-map-chosen = 已在地图上选中。再按一次 { $number } 或按 Enter，看看那里有什么活动。
notice-outbox-rebuilt = 报名记录文件曾经损坏，已经另存备查；找回了 { $count } 条报名。

## 帮助

help-title = 帮助
help-welcome = 刷学习卡或输入卡号就可以开始。不刷卡也可以先看看附近的活动，报名时再刷卡。
help-welcome-keypad = 刷学习卡或输入卡号就可以开始。不刷卡也可以先看看附近的活动，报名时再刷卡。按 + 打开学习地图。
help-home = 按您想要的选项的数字，或点一下。最后一项是结束这次使用。
help-home-keypad = 按您想要的选项的数字。最后一项是结束这次使用。
help-nearby = 这里列出附近这几天的活动，按开始时间排列，同时开始的，近的排在前面。按数字键打开一个活动。要按类别、人群或日期筛选，点上面的按钮，或者先按 . 再按 1、2 或 3。
help-nearby-keypad = 这里列出附近这几天的活动，按开始时间排列，同时开始的，近的排在前面。按数字键打开一个活动。要按类别、人群或日期筛选，先按 . 再按 1、2 或 3。
help-filter = 按数字键选一个，或点一下。选好后会回到活动列表。
help-filter-keypad = 按数字键选一个。选好后会回到活动列表。
help-activity = 这里是活动的地点和时间。按数字键选择一个时间来报名。
help-card-entry = 请刷学习卡，或用数字键输入卡号，再按 Enter。输错了可以按退格键删除。
help-card-entry-keypad = 请刷学习卡，或用数字键输入卡号，再按 Enter。输错了可以按退格键删除。
help-confirm = 按 Enter 确认报名，按 Esc 返回。
help-receipt = 报名已经保存在本机。记下报名号，或用手机扫二维码带走信息。按 1 完成，结束这次使用。
help-my-signups = 这里是这张卡的报名：本机保存的，以及联网时本区其他终端的报名，并显示各自的状态。按数字可以再看报名凭证或取消报名。
help-staff = 这是工作人员使用的页面。
help-keys =
    按键：Enter 确定   Esc 或退格键 返回   Home 回到主页
    F1 或 / 帮助   F2 或 * 中文/English   数字键 选择编号   + 和 - 翻页
    也可以直接点屏幕上的按钮。
help-keys-keypad =
    按键：Enter 确定   退格键 返回   / 帮助   * 中文/English
    数字键 选择编号   + 和 - 翻页   0 学习地图

## 学习地图

map-title = 学习地图
map-scale = { $km } 公里宽
map-here = 你在这里
map-legend = 图例
# 图例里各类地点的简称（地图上的字母）。
map-kind-community_college = 社区学院
map-kind-community_learning_centre = 社区学习中心
map-kind-adult_school = 成人学校
map-kind-elder_university = 老年大学
map-kind-library = 图书馆
map-kind-cultural_centre = 文化馆
map-kind-distance_learning_point = 远程学习点
map-kind-museum = 博物馆
map-kind-workplace_learning_centre = 职工学习中心
map-kind-other = 其他
map-nothing-next = 近期没有活动
map-zoom-in = 放大
map-zoom-in-short = 放大
map-zoom-out = 缩小
map-zoom-out-short = 缩小
map-back-here = 地图移回本机
map-back-here-short = 这里
map-north = 向北
map-north-short = 北
map-south = 向南
map-south-short = 南
map-west = 向西
map-west-short = 西
map-east = 向东
map-east-short = 东
home-map = 学习地图
button-map = 学习地图
venue-phone = 电话 { $phone }
venue-choose = 选择一个活动：按数字键或点一下。
venue-choose-keypad = 选择一个活动：按数字键。
venue-none = 这里近期没有活动。
venue-next = 下次：{ $when }
help-map = 地图上是北京各区和学习的地方：@ 是这台学习亭，字母是不同种类的地点。点一下地点或按右边列表里的数字就能选中它；再点一次或按 Enter，看看那里有什么活动。按 + 和 - 放大缩小，方向键移动地图，按 0 让地图重新以本机为中心（仍在地图上；按 Esc 或 Home 离开地图）。
help-map-keypad = 地图上是北京各区和学习的地方：@ 是这台学习亭，字母是不同种类的地点。按右边列表里的数字就能选中一个地点；再按一次或按 Enter，看看那里有什么活动。按 + 和 - 放大缩小，按 0 让地图重新以本机为中心（仍在地图上；按退格键离开地图）。
help-venue = 这里是这个地点的活动，最近的排在前面。按活动的数字键，查看时间并报名。

## 倒计时

countdown-title = 您还在吗？
countdown-text = 为了保护您的隐私，{ $seconds } 秒后屏幕会回到欢迎页面，您的信息会被清除。
countdown-continue = 继续

## 工作人员

staff-pin-title = 工作人员：请输入密码后按 Enter。
staff-menu-title = 工作人员页面
staff-kiosk = 学习亭 { $id }，配置来自：{ $source }
staff-config-demo = 内置的演示站点
staff-catalogue = 活动目录：{ $venues } 个地点，{ $activities } 个活动
staff-exit = 关闭学习亭程序

out-of-service-title = 学习亭暂停服务：配置文件有问题，请工作人员处理。
out-of-service-hint = 工作人员：learning-kiosk check-config 文件名 可以列出所有问题。改好文件后重新启动学习亭。
out-of-service-more = 还有 { $count } 个问题没有列出：check-config 会全部列出

## 文件中的问题

problems-in-file = { $file } 有 { $count } 个问题：
problem-line = 第 { $line } 行
problem-unreadable = 无法读取文件：{ $why }
file-fault-not-found = 文件不存在
file-fault-permission-denied = 运行学习亭的用户没有读写它的权限
file-fault-disk-full = 磁盘已满
file-fault-wrong-kind = 应该是文件的地方是文件夹，或者应该是文件夹的地方是文件
file-fault-not-text = 它不是文本文件（UTF-8）
file-fault-empty = 文件是空的
file-fault-damaged = 文件已损坏
file-fault-in-use = 另一个程序正在使用它
file-fault-other = 磁盘或文件系统出错
problem-syntax-open-text = 引号里的文字没有结束：这一行结束前应该再写一个同样的引号
problem-syntax-value = 这里应该有一个值：数字、true 或 false，或者写在双引号里的文字（"..."）
problem-syntax-no-separator = 名称和值之间应该有 =
problem-syntax-unclosed = 有一个 [ 或 {"{"} 没有结束，或者两项之间少了逗号：各项之间应该用 , 隔开，最后用 ] 或 {"}"} 结束
problem-syntax-twice = 这一项写了两次：同一节里每一项只能写一次
problem-syntax-number = 应该是用数字写的数，例如 39.9 或 15
problem-syntax-escape = 文字里的反斜杠 \ 后面不是可用的转义：反斜杠本身要写成 \\，或者把文字放在单引号里
problem-syntax-json-key = 这里应该是写在双引号里的名称（在 {"{"} 或逗号后面），或者对象的结束 {"}"}
problem-syntax-json-colon = 引号里的名称和它的值之间应该有 :
problem-syntax-trailing-comma = 最后一项后面多了逗号：] 或 {"}"} 前面不能有逗号
problem-syntax-after-end = 文件内容结束后还有多余的文字：最后一个 {"}"} 后面不应该再有内容
problem-syntax-cut-short = 文件提前结束了：后面应该还有内容（文件是不是不完整？）
problem-syntax-other = 这一行的写法不对：应该是「名称 = 值」，[节名] 单独一行，文字写在双引号里
problem-named-catalogue = 这里写的活动目录「{ $file }」无法读取（{ $why }）：应该是 learning-catalogue/1 格式文件的路径，相对于这个配置文件所在的文件夹
problem-named-token = 这里写的令牌文件「{ $file }」无法读取（{ $why }）：应该是存放本机在区服务器上的令牌的文件，相对于这个配置文件所在的文件夹
problem-wrong-format = 格式应该是 "learning-catalogue/1"，这里是 "{ $found }"
problem-missing = 缺少这一项（应该是{ $expected }）
problem-wrong-type = 应该是{ $expected }
problem-outside-section = 这些设置写在了第一个 [节名] 行的前面：它们上面应该有一行 [{ $section }]
problem-unknown-key = 不认识这一项（是不是写错了？）；可用：{ $allowed }
problem-bad-id = 编号只能用 1 到 64 个小写字母、数字、- _ .
problem-duplicate-id = 编号 "{ $id }" 重复了
problem-unknown-value = "{ $found }" 不是可用的值；可用：{ $allowed }
problem-no-such-district = "{ $code }" 不是北京 16 个区的区号
problem-out-of-range = 应该在 { $min } 到 { $max } 之间
problem-too-small = 不能小于 { $min }
problem-no-venue = 没有编号为 "{ $id }" 的地点
problem-bad-moment = 应该是带时区的 RFC 3339 时间，例如 2026-11-27T14:00:00+08:00
problem-bad-date = 应该是 YYYY-MM-DD 格式的日期
problem-bad-time = 应该是 HH:MM 格式的时间
problem-end-not-after-start = 结束时间要晚于开始时间
problem-until-before-from = 结束日期早于开始日期
problem-no-schedule = 需要 sessions 或 repeat，告诉人们什么时候上课
problem-no-days = repeat 至少要有一个星期几
problem-second-session = { $date } 已经有一次课了（每个活动每天最多一次）
problem-empty-text = 中文和英文都是空的
problem-bad-pin-hash = 应该是 Argon2 哈希（用 learning-kiosk hash-pin 生成；最多 64 MiB、10 轮、8 路），不能是密码本身
problem-bad-chord = "{ $chord }" 不是可用的组合键（例如 ctrl+alt+k）
problem-bad-command = 不是可以运行的命令（请检查引号），例如：espeak-ng -v {"{"}voice{"}"} --stdin
problem-file-too-large = 文件超过 { $max } MiB，目录文件不能更大
problem-too-long = 超过 { $max } 个字符，这一项最多只能这么长
problem-control-character = 含有控制字符（只有简介里可以有制表符和换行）
problem-printer-no-kind = 缺少 kind：应该是 kind = "usb"、"serial" 或 "network"，说明怎样连接打印机
problem-printer-no-device = 缺少 device：{ $kind } 打印机要写明设备，例如 device = "/dev/usb/lp0"（usb）或 device = "/dev/ttyUSB0"（serial）
problem-printer-no-address = 缺少 address：网络打印机要写明 IP 地址和端口，例如 address = "192.168.1.50:9100"
problem-printer-bad-address = "{ $found }" 不是 IP 地址和端口；应该像 192.168.1.50:9100 这样
problem-printer-not-for = { $kind } 打印机不用这一项（usb 用 device；serial 用 device 和 baud；network 用 address）
expected-string = 文字
expected-number = 数字
expected-integer = 整数
expected-bool = true 或 false
expected-object = 对象（表）
expected-array = 列表
expected-text = 中英文对照的文字（zh-CN 和 en-US）
expected-moment = 带时区的 RFC 3339 时间
expected-date = YYYY-MM-DD 格式的日期
expected-time = HH:MM 格式的时间

## 命令行

cli-config-ok = { $file } 没有问题：学习亭 { $site }，活动目录 { $venues } 个地点、{ $activities } 个活动。
cli-example-pin = 注意：{ $file } 还在用示例工作人员密码 2468。请用 learning-kiosk hash-pin 生成新的。
cli-signup-saved = 已保存在本机，报名号 { $code }，联网后会发送。
cli-signup-existing = 这张卡已经报过这次活动，报名号 { $code }。
cli-waitlist-saved = 该场次已满：已在本机保存候补名额，编号 { $code }（这是排队名额，不是座位）。网络恢复后，中心会告知您的排队位次。
cli-signup-full-waitlist = 如要加入候补名单，请在同一命令后加上 --waitlist 再运行一次。
cli-venue-unknown = kiosk.venue 为「{ $venue }」，但目录中没有这个编号的场馆：在目录收录它之前，这里无法签到。
cli-cancel-saved = 已取消：名额 { $code } 已放弃。取消记录已保存在本机，将发送到中心。
cli-cancel-existing = 名额 { $code } 已在本机取消过。
cli-cancel-started = 活动已开始：只能在开始前取消名额。
cli-cancel-no-code = 本机没有编号为 { $code } 的报名。（使用 --card、--activity 和 --date，可通过中心找到在其他终端报的名额。）
cli-cancel-no-place = 这张卡在 { $date } 的 { $activity } 没有名额（本机没有；如能连上中心，中心也没有）。
cli-checkin-saved = 已签到（{ $code }）。签到记录已保存在本机，将发送到中心。
cli-checkin-existing = 已经签到过了（{ $code }）。
cli-checkin-no-venue = 本机没有设置场馆（kiosk.venue）：请用 --activity 指明活动。
cli-checkin-none-open = 现在没有可以签到的场次（活动开始前 30 分钟到开始后 30 分钟可以签到）。
cli-checkin-choose = 这里同时有多个场次可以签到，这张卡都没有名额：请用 --activity 指明一个。
cli-checkin-waiting = 这张卡在候补名单上（第 { $place } 位），还没有座位，不能签到。如有空位，请找工作人员。
cli-checkin-signed-up = 这张卡原来没有名额：已占用一个空位（{ $code }）。
cli-storage-failed = 报名记录无法写入。
cli-outbox-rebuilt = 报名记录文件曾经损坏，已另存为 { $file }；找回了 { $count } 条报名。
cli-queue-total = 本机共有 { $count } 条报名
cli-queue-damaged = { $code }  已损坏，已留给工作人员处理：记录无法读取
cli-usage-unknown-option = 命令行有误：不认识的选项 { $arg }。
cli-usage-unknown-command = 命令行有误：不认识的命令 { $arg }。
cli-usage-missing = 命令行有误：缺少 { $arg }。
cli-usage-bad-value = 命令行有误：{ $arg } 不能是"{ $value }"。
cli-usage-conflict = 命令行有误：{ $arg } 不能与 { $other } 一起使用。
cli-usage-wrong = 命令行有误：{ $arg }。
cli-usage-not-utf8 = 命令行有误：有一个参数不是 UTF-8 文字（终端是不是设成了 UTF-8？）。
cli-usage-unfinished = 命令行有误：命令不完整：{ $command }。
cli-usage-help = 运行 `{ $bin } --help` 查看用法。
cli-resent = { $count } 条暂扣的报名将在下次同步时重新发送。
cli-resend-none = 没有可以重新发送的暂扣报名（已损坏的记录无法读取，只能留着）。
cli-resend-no-code = 没有报名号为 { $code } 的暂扣报名。
cli-pin-rule = 密码应该是 4 到 12 位数字。
cli-bad-at = 应该是 纬度,经度（单位是度），例如 39.9965,116.4705
cli-bad-km = 应该是公里数，大于 0，最多 200
cli-nearby-heading = { $km } 公里以内、未来 { $days } 天有 { $count } 次活动，最早的在前：

## Sync with the district hub

link-online = 在线，{ $time } 已同步
link-offline-since = 离线，自 { $time } 起
link-connecting = 尚未联网
link-problem-offline = 连不上区里的服务器
link-problem-busy = 区里的服务器繁忙，要求稍后再试
link-problem-busy-for = 区里的服务器繁忙，要求 { $seconds } 秒后再试
link-problem-unauthorized = 区里的服务器不接受本机的令牌
link-problem-hub = 区里的服务器的回答无法使用
link-problem-storage = 本机的文件出错
link-problem-token = 无法读取令牌文件
link-problem-token-file = 无法读取令牌文件 { $file }：{ $why }
link-problem-catalogue = 区里的服务器发来的部分条目没有通过目录检查，已略去，其余照常使用。略去 { $count } 条
notice-sync-asked = 正在与区里的服务器同步。
staff-sync-now = 立即同步
staff-resend-held = 重新发送暂扣的报名
staff-damaged-row = 一条已损坏的记录，已放在一边（无法读取，因此无法发送）
notice-held-resent = { $count } 条暂扣的报名将重新发送。
staff-hub = 区里的服务器 { $url }：{ $status }
staff-no-hub = 未设置区里的服务器：报名只保存在本机
staff-allowance-spent = 本小时的流量已用完，稍后再同步
staff-outbox = 本机的报名：{ $counts }
staff-outbox-empty = 本机暂无报名
staff-last-problem = 最近的问题：{ $problem }
staff-attention = 需要核查（queue 命令可看详情）：
cli-no-hub = 本机没有设置区里的服务器：请在站点配置的 [hub] 中填写 url 和 token_file，或使用 --hub 和 --token-file。
cli-sync-waiting = 区里的服务器要求等待 { $seconds } 秒，之后再试。
cli-sync-failed = 同步没有完成：{ $problem }。没有丢失任何内容，下次同步会接着进行。
cli-sync-pushed = 已发送报名：{ $count } 条（{ $answers }）；留给工作人员查看：{ $parked } 条
cli-sync-pulled = 收到活动目录的更新：{ $changes } 条，共 { $pages } 页
cli-sync-left-out = 区里发来但读不出来、已略过的条目：{ $count }
cli-sync-bytes = 请求：{ $requests } 次；发送：{ $sent } 字节；接收：{ $received } 字节
cli-sync-nothing-sent = 没有待发送的报名。

## 辅助模式：大字、简单、有语音。
assisted-on = 大字和语音
assisted-off = 普通界面
ask-staff-button = 找工作人员
ask-staff-title = 工作人员马上就来
ask-staff-text = 已经通知工作人员，请在这里稍等，会有人来帮您。按任意键或点一下屏幕继续。
ask-staff-text-keypad = 已经通知工作人员，请在这里稍等，会有人来帮您。按任意键继续。
when-title = 哪一天？
when-today = 今天
when-tomorrow = 明天
when-any = 哪天都行
assisted-home-title = 您想做什么？
assisted-nearby-title = 选一个活动
assisted-nearby-farming-title = 附近的农业学习
assisted-activity-question = 选一个时间
assisted-card-title = 请刷学习卡
assisted-confirm-title = 报名这个活动？
assisted-confirm-no = 不，返回
assisted-my-signups-title = 我的报名
assisted-welcome-hint = 请刷学习卡，或输入卡号后按 Enter。
home-farming = 农业学习活动
spoken-card-read = 已读到您的学习卡。
spoken-focus = 第 { $number } 项：{ $label }
spoken-choice = 按 { $key }，{ $label }。
help-assisted = 按 9 或点按钮请工作人员帮忙。按 . 或 F5 再听一遍。按 F3 回到普通界面。
help-when = 选择您想学习的日子：按数字或点一下。
help-when-keypad = 选择您想学习的日子：按数字键。
staff-reader-missing = 无法读取读卡器（input.reader_device），仍可在键盘上输入卡号。
staff-crashes = 最近一天程序出错后重新启动 { $count } 次（最近一次在 { $time }），详见日志。
staff-log-failing = 日志写入失败 { $count } 次（磁盘是否已满？），本机继续运行，报名照常保存。
staff-speech-missing = 语音无法使用，本机继续无声运行。
home-map-key = 按 0 打开学习地图。

## 第 12 项：候补、取消、签到和学习记录
status-cancelled = 已取消：名额已放弃
status-checked_in = 已签到
status-short-cancelled = 已取消
status-short-checked_in = 已签到
reason-not_yours = 取消的是另一张卡的报名，工作人员会核查
reason-not_now = 不在这一场的签到时间内
reason-incomplete = 缺少中心需要的内容，工作人员会核查
notice-cancelled = 您的名额已取消。取消记录已保存，会发送到学习中心。
notice-cancel-too-late = 活动已开始：只能在开始前取消名额。
notice-checkin-closed = 活动开始前 30 分钟到开始后 30 分钟可以签到。
home-record = 我的学习记录
full-title = 这一场已满
full-join = 加入候补名单
full-waiting = 约有 { $count } 人在候补。
full-note = 您可以加入候补名单。有人取消时，按加入的先后顺序补上，您下次刷卡时我们会告诉您。
full-note-others = 可以加入候补名单，或选择其他还有名额的时间。
confirm-waitlist-title = 加入候补名单？
confirm-waitlist-button = 加入候补名单
confirm-waitlist-note = 这是排队的名额，不是座位。
receipt-waitlist = 您已加入候补名单
receipt-waitlist-note = 这是排队的名额，还不是座位。有空位时按顺序补上，您下次刷卡时我们会告诉您。
receipt-waitlist-place = 您排在第 { $place } 位。这是排队的名额，还不是座位；有空位时，您下次刷卡我们会告诉您。
receipt-cancel = 取消这个报名
cancel-title = 取消您的名额？
cancel-yes = 是，取消
cancel-no = 不，保留
cancel-note = 取消后，候补名单上的人可能补上您的座位。如还有名额，您以后可以再报名。
good-news-title = 好消息：您有座位了！
good-news-note = 有人让出了座位，现在是您的了。可以在「我的报名」里查看。
good-news-continue = 继续
record-title = 我的学习记录
record-this-year = { $year } 年：{ $sessions } 次，{ $hours } 小时，{ $credits } 学分
record-all = 累计：{ $sessions } 次，{ $hours } 小时，{ $credits } 学分
record-waiting = 本机还有 { $count } 次签到正在发送，尚未计入。
record-asking = 正在向学习中心查询您的记录
record-waiting-here = 本机保存了 { $count } 次签到，等待发送。
record-needs-link = 其余的记录保存在学习中心，需要联网才能查看。请稍后再试。
checkin-checking = 正在为您签到
checkin-done = 签到成功
checkin-again = 您已经签到过了
checkin-done-note = 欢迎！您的出勤已保存，会计入您的学习记录。
checkin-no-place = 您没有报名这一场
checkin-take-seat-note = 还有空位：选择它即可签到。
checkin-full-note = 这一场已满。请找这里的工作人员。
checkin-take-seat = 占用空位：{ $title }
checkin-waiting = 您在候补名单上
checkin-waiting-place = 您排在第 { $place } 位，还没有座位。如有空位，请找这里的工作人员。
checkin-waiting-note = 您在候补名单上，还没有座位。如有空位，请找这里的工作人员。
checkin-failed = 未能签到
checkin-home = 进入主菜单
checkin-finish = 结束使用
my-signups-cancelling = 正在取消
my-signups-place = 排第 { $place } 位
my-signups-elsewhere = 在其他终端报名
my-signups-needs-link = 在其他终端的报名，联网后才能显示。
my-signups-open = 选择一项，可以再看报名凭证，或取消报名。
help-full = 这一场已满。按 1 加入候补名单，或按其他还有名额的时间的数字。按 Esc 返回。
help-cancel = 按 1 取消名额，按 2 保留。
help-good-news = 您有座位了。按 1 继续。
help-check-in = 本机为这里今天的活动签到。按数字选择。
help-record = 您参加过的活动、小时数和学分。按 1 或 Esc 返回。
staff-today-here = 本场馆今天的活动（已报名/座位，候补，本机签到）：
staff-today-none = 今天没有活动。
staff-session-line = { $time } { $title }：{ $taken }/{ $capacity }，候补 { $waiting } 人，已签到 { $checked } 人
staff-session-cancelled = { $time } { $title }：已取消，不上课
receipt-reopened = 您的报名
receipt-print = 打印回执
notice-printing = 正在打印回执，请稍等。
notice-printed = 回执已打印，请从打印机取走。
notice-printer-off = 打印机没有开机或没有连接，没有打印。您的报名已经保存。
notice-printer-no-paper = 打印机没有纸了，没有打印。您的报名已经保存。
notice-printer-timeout = 打印机没有及时回应，回执可能没有打印。您的报名已经保存。
staff-no-printer = 打印机：没有打印机
staff-printer = 打印机（{ $kind } { $target }）：{ $status }
staff-printer-unused = 还没有打印过
staff-printer-last = { $time } { $outcome }
printer-outcome-printed = 已打印
printer-outcome-off = 没有开机或没有连接
printer-outcome-no-paper = 没有纸了
printer-outcome-timeout = 没有及时回应
print-code-label = 报名号
