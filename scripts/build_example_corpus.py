#!/usr/bin/env python3
"""Build the synthetic example corpus in src/dyadwatch/examples/russia-azerbaijan/.

Usage: python scripts/build_example_corpus.py /path/to/shared/cases/russia-azerbaijan-2024-2025

Deterministic (fixed seed). The timeline is read only to take event dates/actors/CAMEO codes
for the synthetic GDELT rows; all text comes from the sentence pools below, written by the
project. Every outlet, author and URL is fictional.


"""
import csv, json, random, re, shutil, sys, html, calendar
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path


# ---- story pools (project's own wording) ----


STORIES = [
# ---------------------------------------------------------------- October 2024
dict(id="S01", events=["E01"], date="2024-10-08", spread=2, n=dict(ru=3, az=3, en=2, tr=1),
 ru=dict(t=["Путин и Алиев {встретились|провели переговоры} в Кремле", "Алиев в Москве: {разговор|беседа} с Путиным на полях СНГ"],
  s=["Президент Азербайджана Ильхам Алиев, {приехавший|прилетевший} в Москву на {встречу лидеров СНГ|саммит Содружества}, провёл {отдельные|двусторонние} переговоры с Владимиром Путиным.",
     "В Кремле {во вторник|8 октября} {состоялась|прошла} встреча Владимира Путина с Ильхамом Алиевым.",
     "Российский лидер {отметил|подчеркнул}, что связи Москвы и Баку {развиваются в хорошем темпе|уверенно движутся вперёд}.",
     "Путин {позвал|пригласил} Алиева {в Казань|на казанский саммит БРИКС} в конце месяца.",
     "{Стороны|Собеседники} {коснулись|обсудили} торговли, логистики и {коридора «Север — Юг»|маршрута «Север — Юг»}.",
     "Документов по итогам {беседы|встречи} {не подписывали|подписано не было}."]),
 az=dict(t=["Əliyev Moskvada Putinlə {görüşüb|danışıqlar aparıb}", "Prezident Kremldə: {MDB sammiti çərçivəsində|MDB görüşü kənarında} ikitərəfli {görüş|söhbət}"],
  s=["Prezident İlham Əliyev MDB {zirvə görüşü|sammiti} üçün {getdiyi|səfər etdiyi} Moskvada Vladimir Putinlə {ayrıca|ikitərəfli formatda} görüşüb.",
     "Kremldə {çərşənbə axşamı|oktyabrın 8-də} Azərbaycan və Rusiya prezidentlərinin görüşü {keçirilib|olub}.",
     "Putin iki ölkə arasındakı əlaqələrin {müsbət istiqamətdə|yaxşı sürətlə} {inkişaf etdiyini|irəlilədiyini} {deyib|qeyd edib}.",
     "Rusiya lideri {dövlətimizin başçısını|Azərbaycan Prezidentini} Kazanda keçiriləcək BRİKS {toplantısına|sammitinə} dəvət edib.",
     "Görüşdə {nəqliyyat dəhlizləri|Şimal–Cənub dəhlizi}, ticarət və {enerji|regional təhlükəsizlik} {məsələləri|mövzuları} {müzakirə olunub|gündəmdə olub}."]),
 en=dict(t=["Aliyev and Putin hold {Kremlin talks|talks in the Kremlin} on CIS sidelines", "Putin invites Aliyev to Kazan BRICS summit"],
  s=["Azerbaijani President Ilham Aliyev {met|sat down with} Vladimir Putin in the Kremlin on {Tuesday|October 8}, {on the margins of|alongside} a gathering of CIS leaders.",
     "The presidents of Russia and Azerbaijan {held bilateral talks|talked one-on-one} in Moscow {on Tuesday|this week}.",
     "Putin {described|characterised} ties between Moscow and Baku as {moving in a positive direction|developing well}.",
     "He {also|separately} {asked|invited} Aliyev to attend the BRICS summit {that Russia hosts|Russia is hosting} in Kazan later in October.",
     "{Trade|Transit trade}, the North–South {transport corridor|route} and regional security {were on the agenda|featured in the talks}, {according to|based on} the two sides' {readouts|accounts}."]),
 tr=dict(t=["Aliyev ile Putin Kremlin'de {görüştü|bir araya geldi}"],
  s=["Azerbaycan Cumhurbaşkanı İlham Aliyev, BDT {zirvesi|liderler toplantısı} için {gittiği|bulunduğu} Moskova'da Rusya Devlet Başkanı Vladimir Putin ile {ikili görüşme yaptı|baş başa görüştü}.",
     "Kremlin'de {salı günü|8 Ekim'de} {Aliyev ve Putin arasında|iki lider arasında} {bir görüşme gerçekleşti|ikili bir görüşme yapıldı}.",
     "Putin, {iki ülke ilişkilerinin|Moskova ile Bakü arasındaki ilişkilerin} {olumlu seyrettiğini|iyi bir ivmeyle ilerlediğini} söyledi.",
     "Rus lider, Aliyev'i {ay sonunda|ekim sonunda} Kazan'da {düzenlenecek|yapılacak} BRICS zirvesine davet etti.",
     "Görüşmede {ticaret|ulaştırma}, {Kuzey-Güney koridoru|Kuzey-Güney ulaşım hattı} ve {bölgesel güvenlik|enerji} {başlıklarının ele alındığı|konularının konuşulduğu} bildirildi."]),
),
dict(id="S02", events=["E02"], date="2024-10-23", spread=3, n=dict(ru=3, az=3, en=2, tr=1, fa=2),
 ru=dict(t=["Алиев {выступил|прибыл} на саммите БРИКС в Казани", "Казань: Алиев на пленарном заседании БРИКС+"],
  s=["Ильхам Алиев {принял участие|участвовал} в {расширенной сессии|заседании в формате «аутрич»} саммита БРИКС в Казани.",
     "Азербайджанский президент {прилетел|прибыл} в Казань {по приглашению|по личному приглашению} Владимира Путина.",
     "В своём выступлении Алиев {говорил о|затронул} транспортных маршрутах {через Каспий|по линии Север — Юг} и {энергетической безопасности|поставках энергоносителей}.",
     "{Азербайджан|Баку} {не входит|не является членом} в объединение, но {ранее подавал|в 2024 году подал} заявку на {вступление|членство}.",
     "{Присутствие|Участие} Алиева в Казани в Москве {восприняли|расценили} как знак {тёплых|ровных} отношений."]),
 az=dict(t=["Əliyev Kazanda BRİKS+ {sammitində|toplantısında} çıxış edib", "Prezident Kazanda: BRİKS+ plenar iclası"],
  s=["Prezident İlham Əliyev Kazanda keçirilən BRİKS+ {formatında|genişləndirilmiş formatda} {sammitin|zirvə görüşünün} plenar iclasında {iştirak edib|çıxış edib}.",
     "Dövlət başçısı {Kazana|Tatarıstanın paytaxtına} Vladimir Putinin dəvəti ilə {gəlib|səfər edib}.",
     "Əliyev çıxışında {Azərbaycanın|ölkəmizin} {nəqliyyat|tranzit} imkanlarına və enerji təhlükəsizliyinə {toxunub|diqqət çəkib}.",
     "Azərbaycan {təşkilata|BRİKS-ə} {üzv olmaq üçün|üzvlük üçün} müraciət {edib|etdiyini əvvəlcədən açıqlayıb}."]),
 en=dict(t=["Aliyev addresses BRICS+ session in Kazan", "Azerbaijan's leader {joins|attends} Kazan summit at Putin's invitation"],
  s=["Ilham Aliyev {spoke at|addressed} the plenary of the BRICS+ outreach session in Kazan {on Thursday|on October 24}.",
     "Azerbaijan's president {travelled to|arrived in} Kazan {after|following} an invitation {extended|issued} by Putin {earlier this month|in Moscow on October 8}.",
     "His speech {focused on|dwelt on} transit routes and energy security, {areas where|themes on which} Baku {pitches|markets} itself as {a hub|a bridge} between regions.",
     "Azerbaijan is not a member of {the bloc|BRICS} but {has applied to join|has lodged an application for membership}.",
     "{Analysts|Observers} {read|took} the visit as a sign that {relations|ties} between Moscow and Baku {remained|were} on {an even keel|a steady footing}."]),
 tr=dict(t=["Aliyev, Kazan'da BRICS+ {oturumunda|zirvesinde} konuştu"],
  s=["Azerbaycan Cumhurbaşkanı İlham Aliyev, Kazan'da {düzenlenen|yapılan} BRICS+ {zirvesinin|oturumunun} genel kurulunda {bir konuşma yaptı|söz aldı}.",
     "Aliyev, Putin'in {daveti üzerine|davetiyle} Kazan'a {gitmişti|gelmişti}.",
     "Konuşmasında {ulaştırma koridorlarına|transit yollara} ve enerji güvenliğine {değindi|vurgu yaptı}.",
     "Azerbaycan'ın {BRICS'e üyelik için başvurduğu|bloka katılmak için başvuru yaptığı} {hatırlatıldı|biliniyor}."]),
 fa=dict(t=["{حضور|سخنرانی} علی‌اف در نشست بریکس پلاس در قازان"],
  s=["الهام علی‌اف، رئیس‌جمهور جمهوری آذربایجان، در نشست {عمومی|گسترده} بریکس پلاس در قازان {سخنرانی کرد|شرکت کرد}.",
     "علی‌اف {به دعوت|بنا بر دعوت} ولادیمیر پوتین به قازان {سفر کرده بود|رفته بود}.",
     "{وی|رئیس‌جمهور آذربایجان} در سخنان خود بر {اهمیت|نقش} {کریدورهای حمل‌ونقل|مسیرهای ترانزیتی} و امنیت انرژی {تأکید کرد|اشاره کرد}.",
     "{رئیس‌جمهور ایران|مسعود پزشکیان} نیز در {این نشست|نشست قازان} {حضور داشت|شرکت کرده بود} و {گفت‌وگوهای|دیدارهای} {جداگانه‌ای|دوجانبه‌ای} {برگزار کرد|داشت}.",
     "جمهوری آذربایجان {برای عضویت در بریکس|برای پیوستن به این گروه} درخواست {داده است|ارائه کرده است}."]),
),
# ---------------------------------------------------------------- the crash
dict(id="S03", events=["E03", "E04"], date="2024-12-25", spread=2, n=dict(ru=7, az=6, en=6, tr=4, fa=4), conflict="crash-cause",
 ru=dict(t=["{Самолёт|Лайнер} AZAL {разбился|потерпел крушение} под Актау", "Крушение рейса Баку — Грозный: {что известно|главное к этому часу}", "Под Актау упал {азербайджанский|пассажирский} Embraer"],
  s=["Пассажирский Embraer 190 {авиакомпании|перевозчика} AZAL, {выполнявший|следовавший} рейс из Баку в Грозный, {разбился|потерпел крушение} {у Актау|недалеко от Актау} в Казахстане.",
     "{В среду|Утром 25 декабря} {у побережья|возле} Актау {упал|разбился} самолёт Azerbaijan Airlines, {летевший|шедший} из Баку в Грозный.",
     "{На борту|В салоне} {было|находились} 67 человек, {спасти удалось|выжить удалось} 29 из них.",
     "{Экипаж|Пилоты}, по {предварительным|первым} данным, {не смог|не сумел} {сесть|совершить посадку} в Грозном из-за {тумана|плохой погоды} и {ушёл|направился} к казахстанскому берегу.",
     "{Одной из первых версий|Среди первых версий} {называли|звучало} столкновение с {птицами|стаей птиц}; {в профильных ведомствах|в Росавиации} {призывают|просят} не спешить с выводами.",
     "Вечером Владимир Путин {позвонил|связался по телефону с} Ильхамом Алиевым и {выразил соболезнования|принёс соболезнования} в связи с гибелью людей.",
     "Алиев {из-за катастрофы|узнав о трагедии} {покинул|не стал оставаться на} неформальный саммит СНГ в Петербурге и вернулся в Баку."]),
 az=dict(t=["AZAL təyyarəsi Aktau yaxınlığında qəzaya uğrayıb", "Bakı–Qroznı reysi: {faciə|qəza} barədə {bilinənlər|nə məlumdur}", "{Matəm|Faciə}: J2-8243 reysində 38 nəfər həlak olub"],
  s=["AZAL-a məxsus Embraer 190 təyyarəsi Bakıdan Qroznıya {uçarkən|reysi yerinə yetirərkən} Qazaxıstanın Aktau şəhəri {yaxınlığında|ətrafında} qəzaya uğrayıb.",
     "{Bu səhər|Dekabrın 25-də} Bakı–Qroznı reysini yerinə yetirən {sərnişin təyyarəsi|AZAL təyyarəsi} Aktau {yaxınlığında|sahilində} yerə {çırpılıb|düşüb}.",
     "{Göyərtədəki|Təyyarədəki} 67 nəfərdən 38-i həlak olub, 29 nəfər {sağ qalıb|xilas edilib}.",
     "Təyyarənin {gövdəsindəki|quyruq hissəsindəki} {deşiklər|zədələr} {sosial şəbəkələrdə|videolarda} {geniş müzakirə olunur|diqqət çəkir}.",
     "{Ekspertlər|Aviasiya mütəxəssisləri} {təyyarənin|lainerin} Qroznı {üzərində|səmasında} {kənar təsirə məruz qaldığını|zədələndiyini} {ehtimal edirlər|istisna etmirlər}.",
     "Prezident İlham Əliyev Sankt-Peterburqdakı qeyri-rəsmi MDB {görüşünü|sammitini} yarımçıq qoyaraq {Vətənə qayıdıb|Bakıya dönüb}.",
     "Vladimir Putin Əliyevə zəng edərək {başsağlığı verib|həlak olanlarla bağlı başsağlığı bildirib}."]),
 en=dict(t=["Azerbaijan Airlines jet crashes near Aktau, {dozens killed|38 dead}", "Baku–Grozny flight {goes down|crashes} in Kazakhstan", "What we know about the AZAL crash near Aktau"],
  s=["An Azerbaijan Airlines Embraer 190 {flying|operating} from Baku to Grozny {crashed|came down} near {the Kazakh port of Aktau|Aktau in western Kazakhstan} on {Wednesday|December 25}.",
     "{Thirty-eight people were killed and 29 survived|Of the 67 people aboard, 38 died and 29 survived} when an AZAL passenger jet {crashed|broke up on landing} near Aktau, {Kazakh officials|emergency officials} said.",
     "The aircraft had {turned away from|abandoned its approach to} Grozny and {crossed|flown across} the Caspian before {going down|attempting an emergency landing}.",
     "Images {of the wreckage|from the crash site} showed {puncture marks|holes} in the tail section that {aviation experts said|some analysts said} {were consistent with|could point to} {shrapnel|external damage}.",
     "Russian officials {initially|at first} {pointed to|mentioned} {a bird strike|birds} and {fog|poor weather} {as possible factors|as a possible cause}.",
     "Putin {phoned|called} Aliyev {later that day|that evening} to offer condolences; Aliyev had {left|cut short his attendance at} an informal CIS gathering in St Petersburg."]),
 tr=dict(t=["Azerbaycan Hava Yolları uçağı Aktav yakınlarında düştü", "Bakü-Grozni seferindeki uçak {düştü|kaza kırıma uğradı}: 38 ölü"],
  s=["Azerbaycan Hava Yolları'na (AZAL) ait Bakü-Grozni seferini yapan Embraer 190 tipi yolcu uçağı, Kazakistan'ın Aktav kenti yakınlarında düştü.",
     "{Çarşamba günü|25 Aralık'ta} Aktav {yakınlarında|civarında} {düşen|kaza kırıma uğrayan} AZAL uçağında 67 kişi {bulunuyordu|vardı}.",
     "{Kazada|Uçakta} 38 kişi hayatını kaybetti, 29 kişi {kurtuldu|sağ olarak kurtarıldı}.",
     "Uçağın kuyruğundaki delikler, {Grozni üzerinde|Çeçenistan semalarında} bir {dış etkiye maruz kaldığı|saldırıya uğradığı} {iddialarını|sorularını} gündeme getirdi.",
     "Aliyev, St. Petersburg'daki gayriresmi BDT {zirvesinden|toplantısından} {ayrılarak|erken ayrılıp} Bakü'ye döndü.",
     "Türkiye, {kardeş Azerbaycan'a|Azerbaycan halkına} {başsağlığı diledi|taziyelerini iletti}."]),
 fa=dict(t=["سقوط هواپیمای مسافربری آذربایجان در نزدیکی آکتائو", "{۳۸ کشته|جان باختن ۳۸ نفر} در سقوط هواپیمای باکو-گروزنی"],
  s=["یک فروند هواپیمای امبرائر ۱۹۰ متعلق به هواپیمایی آذربایجان که از باکو {به مقصد|عازم} گروزنی بود، در نزدیکی {شهر|بندر} آکتائو در قزاقستان سقوط کرد.",
     "{روز چهارشنبه|در روز ۲۵ دسامبر} هواپیمای مسافربری شرکت آزال در {حوالی|نزدیکی} آکتائو {سقوط کرد|دچار سانحه شد}.",
     "از ۶۷ سرنشین این پرواز، ۳۸ نفر جان باختند و ۲۹ نفر {زنده ماندند|نجات یافتند}.",
     "{علت سانحه|دلیل سقوط} {هنوز روشن نیست|به‌طور رسمی اعلام نشده است} و {مقام‌ها|مقامات} {از گمانه‌زنی پرهیز می‌کنند|خواستار صبر تا پایان تحقیقات شده‌اند}.",
     "وزارت امور خارجه ایران {با مردم و دولت|به ملت} جمهوری آذربایجان {ابراز همدردی کرد|تسلیت گفت}."]),
),
dict(id="S04", events=["E05", "E06"], date="2024-12-27", spread=2, n=dict(ru=4, az=4, en=3, tr=2, fa=1),
 ru=dict(t=["AZAL {приостановила|отменила} рейсы в ряд российских городов", "Баку {выдвинул|передал} Москве требования после крушения"],
  s=["Azerbaijan Airlines {приостановила|прекратила} полёты {в несколько|в целый ряд} российских городов, {сославшись|указав} на {угрозы безопасности|риски для безопасности полётов}.",
     "{Сначала|Поначалу} речь шла о семи направлениях, {затем|позднее} список {расширили|увеличили} до десяти.",
     "В заявлении {перевозчика|авиакомпании} {упоминается|говорится о} {«внешнем физическом и техническом вмешательстве»|внешнем воздействии на самолёт}.",
     "{По данным азербайджанских СМИ|Как сообщают в Баку}, азербайджанская сторона {ждёт|добивается} от Москвы признания вины, наказания виновных и компенсаций.",
     "В Росавиации {призвали|просили} {не делать поспешных выводов|дождаться итогов расследования}."]),
 az=dict(t=["AZAL Rusiyanın {bir sıra|10} şəhərinə uçuşları {dayandırıb|saxlayıb}", "Bakı Moskvaya {üç|konkret} tələb {çatdırıb|irəli sürüb}"],
  s=["Azərbaycan Hava Yolları {təhlükəsizlik risklərini|uçuş təhlükəsizliyi ilə bağlı riskləri} əsas gətirərək Rusiyanın {bir sıra|bir neçə} şəhərinə reysləri dayandırıb.",
     "{Əvvəlcə|İlk mərhələdə} yeddi şəhərə uçuşlar {ləğv edilib|dayandırılıb}, sonra {siyahı|bu say} onadək {artırılıb|genişləndirilib}.",
     "AZAL bəyanatında {təyyarənin|lainerin} {xarici fiziki və texniki müdaxiləyə|kənar fiziki və texniki təsirə} məruz qaldığını bildirib.",
     "Rəsmi Bakı Rusiyadan {üzr istəməyi|üzr istənilməsini}, {günahı etiraf etməyi|günahın etiraf olunmasını}, {təqsirkarların cəzalandırılmasını|məsul şəxslərin cəzalandırılmasını} və {təzminat|kompensasiya} ödənilməsini tələb edib.",
     "{Bu tələblər|Tələblər} Moskvaya {rəsmi kanallarla|diplomatik yolla} {çatdırılıb|təqdim olunub}."]),
 en=dict(t=["AZAL {halts|suspends} flights to Russian cities after crash", "Baku {sets out|presents} demands to Moscow over downed jet"],
  s=["Azerbaijan Airlines {suspended|halted} flights to {a number of|several} Russian cities, {citing|pointing to} {flight safety risks|risks to flight safety}.",
     "The list {grew|was extended} from seven {destinations|cities} to ten {within days|by the weekend}.",
     "The carrier {blamed|attributed} the crash to {what it called|what it described as} {external physical and technical interference|outside physical and technical interference}.",
     "Baku {has told|formally told} Moscow it {expects|wants} an apology, an admission {of guilt|of responsibility}, punishment of those {at fault|responsible} and compensation, {according to|said} {officials|people familiar with the matter}."]),
 tr=dict(t=["AZAL, Rusya'ya {seferleri durdurdu|uçuşları askıya aldı}", "Bakü'den Moskova'ya {üç|açık} talep"],
  s=["Azerbaycan Hava Yolları, uçuş güvenliğine ilişkin {riskler|endişeler} {nedeniyle|gerekçesiyle} Rusya'nın {birçok|on} kentine seferlerini askıya aldı.",
     "Şirket, uçağın {dış fiziksel ve teknik müdahaleye|dışarıdan fiziksel ve teknik bir müdahaleye} maruz kaldığını açıkladı.",
     "Bakü'nün Moskova'dan {özür|resmi özür}, {suçun kabulü|sorumluluğun üstlenilmesi}, {sorumluların cezalandırılması|failler hakkında işlem} ve tazminat talep ettiği bildirildi.",
     "{Uzmanlar|Gözlemciler}, {adımın|kararın} {Bakü'nün kararlılığını gösterdiğini|Moskova'ya net bir mesaj olduğunu} {belirtiyor|değerlendiriyor}."]),
 fa=dict(t=["{توقف|تعلیق} پروازهای آزال به چند شهر روسیه"],
  s=["هواپیمایی آذربایجان {پروازهای خود را|پروازها} به {چند|ده} شهر روسیه {به حالت تعلیق درآورد|متوقف کرد}.",
     "این شرکت {دلیل تصمیم را|علت این اقدام را} {خطرات ایمنی|ملاحظات ایمنی پرواز} اعلام کرد و از {«مداخله فیزیکی و فنی خارجی»|مداخله بیرونی} {سخن گفت|یاد کرد}.",
     "{به گزارش رسانه‌های باکو|بر پایه گزارش‌ها}، {باکو|دولت آذربایجان} از مسکو {خواستار عذرخواهی، پذیرش مسئولیت و پرداخت غرامت شده است|عذرخواهی و جبران خسارت خواسته است}.",
     "{کارشناسان|ناظران} {در تهران|منطقه‌ای} {معتقدند|می‌گویند} {دو همسایه|دو کشور} {باید|بهتر است} {از طریق گفت‌وگو|با خویشتن‌داری} {موضوع را حل کنند|اختلاف را مدیریت کنند}."]),
),
dict(id="S05", events=["E07"], date="2024-12-28", spread=1, n=dict(ru=5, az=3, en=3, tr=2, fa=2),
 ru=dict(t=["Путин {извинился|принёс извинения} перед Алиевым за {трагедию|инцидент} в воздушном пространстве России", "Телефонный разговор Путина и Алиева: {главное|что сказал Кремль}"],
  s=["Владимир Путин в телефонном разговоре {с Ильхамом Алиевым|с азербайджанским коллегой} {извинился|принёс извинения} за то, что {трагический инцидент|трагедия} {произошёл|случилась} в российском {воздушном пространстве|небе}.",
     "{По сообщению|Согласно сообщению} Кремля, {разговор|звонок} {состоялся|был организован} по инициативе российской стороны.",
     "{Президент|Путин} {напомнил|пояснил}, что {в это время|в тот момент} ПВО {отражала|отбивала} атаку украинских беспилотников на Грозный и Моздок.",
     "{О том, что|Признания того, что} именно российская ракета {поразила|повредила} самолёт, {в сообщении Кремля нет|Кремль не сделал}.",
     "{Возбуждено|Следственный комитет возбудил} уголовное дело, {сообщили|напомнили} в Кремле."]),
 az=dict(t=["Putin Əliyevə {zəng edib|telefonla müraciət edib} və {üzr istəyib|təəssüfünü bildirib}", "Kremldən {üzr|yarımçıq etiraf}: {günah|məsuliyyət} hələ də boynuna alınmır"],
  s=["Vladimir Putin İlham Əliyevlə telefon danışığında {faciənin|hadisənin} Rusiya hava məkanında baş verdiyinə görə {üzr istəyib|üzrxahlıq edib}.",
     "Kremlin məlumatına görə, {zəng|danışıq} Rusiya tərəfinin təşəbbüsü ilə {baş tutub|olub}.",
     "Putin {həmin vaxt|o anda} Rusiya hava hücumundan müdafiə sistemlərinin Ukrayna {dronlarını|PUA-larını} dəf etdiyini {deyib|bildirib}.",
     "{Lakin|Bununla belə} Kremlin bəyanatında {təyyarənin|lainerin} Rusiya {raketi|HHM vasitəsi} ilə vurulduğu {etiraf olunmayıb|açıq deyilməyib}."]),
 en=dict(t=["Putin apologises to Aliyev {over|for} 'tragic incident' in Russian airspace", "Kremlin {stops short of|avoids} admitting blame in Putin–Aliyev call"],
  s=["Vladimir Putin {apologised|offered an apology} to Ilham Aliyev {in a phone call|by telephone} that the {'tragic incident'|crash} {took place|happened} in Russian airspace, the Kremlin said.",
     "The {call|conversation} was {initiated|placed} by Moscow, {according to|per} the Kremlin's readout.",
     "Putin {said|noted} Russian air defences {had been|were} {repelling|firing at} Ukrainian drones {near Grozny|over Chechnya} at the time.",
     "The readout {did not say|stopped short of saying} that a Russian missile {struck|hit} the plane."]),
 tr=dict(t=["Putin, Aliyev'den {özür diledi|özür dileyen açıklama yaptı}", "Kremlin: Trajik olay Rus hava sahasında {yaşandı|meydana geldi}"],
  s=["Rusya Devlet Başkanı Vladimir Putin, Azerbaycan Cumhurbaşkanı İlham Aliyev ile telefonda görüşerek {trajik olayın|kazanın} Rus hava sahasında yaşanmasından dolayı özür diledi.",
     "Kremlin'in açıklamasına göre görüşme Moskova'nın {girişimiyle|talebiyle} {gerçekleşti|yapıldı}.",
     "Putin, o sırada Rus hava savunmasının Ukrayna'nın insansız hava araçlarını {püskürttüğünü|engellemeye çalıştığını} {söyledi|aktardı}.",
     "{Ancak|Fakat} Kremlin, uçağın bir Rus füzesiyle {vurulduğunu|düşürüldüğünü} {kabul etmedi|açıkça söylemedi}."]),
 fa=dict(t=["{عذرخواهی|پوزش} پوتین از علی‌اف {درباره|بابت} سانحه هوایی"],
  s=["ولادیمیر پوتین در تماس تلفنی با الهام علی‌اف {از اینکه|به خاطر آنکه} {این حادثه|سانحه} در حریم هوایی روسیه رخ داده، {عذرخواهی کرد|پوزش خواست}.",
     "{به گزارش|بر اساس بیانیه} کرملین، {این تماس|گفت‌وگوی تلفنی} به ابتکار {مسکو|طرف روسی} انجام شد.",
     "پوتین {گفت|توضیح داد} که {پدافند هوایی روسیه|سامانه‌های پدافندی روسیه} در آن زمان {با پهپادهای اوکراینی درگیر بود|در حال مقابله با پهپادهای اوکراینی بود}.",
     "{در بیانیه کرملین|در این بیانیه} به {اصابت موشک روسی|نقش مستقیم پدافند روسیه} {اشاره‌ای نشده است|اذعان نشده است}."]),
),
dict(id="S06", events=["E08"], date="2024-12-29", spread=2, n=dict(ru=5, az=5, en=3, tr=3, fa=2), conflict="crash-cause",
 ru=dict(t=["Алиев: самолёт {сбили|подбили} с земли над Россией", "Алиев обвинил {российских чиновников|Москву} в {попытках скрыть|замалчивании} причины {крушения|катастрофы}"],
  s=["Ильхам Алиев {заявил|сказал} в интервью азербайджанскому телевидению, что {самолёт|лайнер} AZAL был {повреждён|подбит} {с земли|огнём с земли} над территорией России.",
     "{По его словам|Как считает Алиев}, {это произошло|всё случилось} {неумышленно|не намеренно}, но {российская сторона|некоторые российские ведомства} {несколько дней|первые дни} {выдвигали|распространяли} «абсурдные» версии.",
     "Президент Азербайджана {потребовал|настаивает}, чтобы Москва признала вину, наказала виновных и выплатила компенсацию.",
     "В Москве {от комментариев по существу воздержались|пока не ответили}, {сославшись|ссылаясь} на {ход расследования|незавершённое расследование}.",
     "{Российские эксперты|Собеседники редакции в авиационной отрасли} {считают|полагают}, что {заявления Баку|выводы Баку} {преждевременны|опережают официальное расследование}."]),
 az=dict(t=["Əliyev: Təyyarə Rusiya üzərində yerdən vurulub", "Prezident: {Rusiyanın bəzi dairələri|bəzi rusiyalı rəsmilər} {faciəni ört-basdır etməyə|həqiqəti gizlətməyə} çalışıb"],
  s=["Prezident İlham Əliyev {AZTV-yə müsahibəsində|dövlət televiziyasına müsahibəsində} AZAL təyyarəsinin Rusiya {üzərində|ərazisi üzərində} yerdən {atəşə tutulduğunu|vurulduğunu} bildirib.",
     "Dövlət başçısı {bunun|hadisənin} {qəsdən|bilərəkdən} {edilmədiyini|törədilmədiyini} {vurğulayıb|qeyd edib}, lakin {ilk günlərdə|ilk üç gündə} Rusiyadan {absurd versiyalar|cəfəng izahlar} səsləndirildiyini deyib.",
     "Əliyev Moskvadan günahın etiraf edilməsini, təqsirkarların cəzalandırılmasını və {kompensasiya|təzminat} ödənilməsini tələb edib.",
     "{Prezidentin|Dövlət başçısının} {sözlərinə görə|fikrincə}, {hadisəni|faciəni} {ört-basdır etmək cəhdləri|susdurmaq cəhdləri} {Bakını|bizi} {təəccübləndirib|məyus edib}."]),
 en=dict(t=["Aliyev says {jet was shot at|plane was hit} from the ground over Russia", "Aliyev accuses Russian officials of 'absurd' {cover stories|theories} over crash"],
  s=["Ilham Aliyev said the {AZAL plane|airliner} was {hit|damaged} by fire from the ground over Russian territory, {speaking|in remarks} to Azerbaijani state television.",
     "He said the damage was {not intentional|unintended} but accused {some Russian officials|circles in Russia} of {floating|promoting} {absurd|implausible} explanations {for days|in the first days}.",
     "Aliyev {demanded|called for} an admission of guilt, punishment of those responsible and compensation {for|to} Azerbaijan {and the victims|and the families}.",
     "Moscow {has not|did not} {publicly accepted|publicly accept} that version, {saying|insisting} the investigation {must run its course|is still under way}."]),
 tr=dict(t=["Aliyev: Uçak Rusya üzerinde yerden {vuruldu|ateşe maruz kaldı}", "Aliyev'den Moskova'ya {net|sert} mesaj: Suçunuzu kabul edin"],
  s=["Azerbaycan Cumhurbaşkanı İlham Aliyev, AZAL uçağının Rusya {üzerinde|hava sahasında} yerden {vurulduğunu|açılan ateşle isabet aldığını} söyledi.",
     "Aliyev, {olayın|saldırının} kasıtlı olmadığını {ifade etti|belirtti}, ancak ilk günlerde Rus tarafının {saçma|mantıksız} {senaryolar|açıklamalar} {ortaya attığını|dile getirdiğini} {vurguladı|hatırlattı}.",
     "Aliyev, Moskova'nın {suçu kabul etmesini|suçunu üstlenmesini}, sorumluların cezalandırılmasını ve tazminat ödenmesini {istedi|talep etti}.",
     "{Kremlin'in|Moskova'nın} açıklamaya {henüz yanıt vermediği|nasıl karşılık vereceği merak konusu olduğu} {bildirildi|belirtiliyor}."]),
 fa=dict(t=["علی‌اف: هواپیما {از زمین|با شلیک از زمین} بر فراز روسیه {هدف قرار گرفت|آسیب دید}"],
  s=["الهام علی‌اف {گفت|اعلام کرد} که هواپیمای آزال بر فراز خاک روسیه {از زمین|از سطح زمین} {هدف قرار گرفته است|آسیب دیده است}.",
     "{رئیس‌جمهور آذربایجان|علی‌اف} {تأکید کرد|افزود} که {این اقدام|این رویداد} {عمدی نبوده|از روی قصد نبوده}، اما {برخی محافل روسی|برخی مقام‌های روس} {روایت‌های نامعقول|توضیحات بی‌پایه} {مطرح کردند|ارائه دادند}.",
     "{وی|او} خواستار {پذیرش مسئولیت|اعتراف به تقصیر}، مجازات مقصران و پرداخت غرامت {شد|گردید}.",
     "{مسکو|کرملین} {تاکنون|هنوز} این {روایت|ادعا} را {تأیید نکرده است|نپذیرفته است}."]),
),
]
STORIES += [
dict(id="S07", events=[], date="2025-01-03", spread=26, n=dict(ru=7, az=7, en=5, tr=4, fa=2), conflict="crash-cause",
 ru=dict(t=["{Расследование|Следствие} по крушению AZAL: {позиции|версии} Москвы и Баку {расходятся|не сходятся}", "{Бортовые самописцы|Чёрные ящики} AZAL: {кто будет расшифровывать|куда их отправили}", "Спор о {причинах|версиях} катастрофы под Актау {не утихает|продолжается}"],
  s=["{Спустя несколько недель после|После} крушения под Актау Москва и Баку {по-прежнему|всё ещё} {расходятся|спорят} в {оценке|трактовке} {причин|обстоятельств} {трагедии|катастрофы}.",
     "{Официальные лица в Москве|В Кремле} {повторяют|настаивают}, что {выводы|окончательные выводы} {можно будет сделать|сделают} только {после расследования|по итогам работы комиссии}.",
     "{Российские|Отечественные} {эксперты|телеэксперты} {обращают внимание|указывают} на {туман|сложную погоду} и {работу украинских беспилотников|атаку дронов} в районе Грозного.",
     "{Азербайджанские|Бакинские} {СМИ|издания} {напротив|тем временем} {пишут|настаивают}, что {лайнер|самолёт} {поразили|повредили} российские средства ПВО.",
     "Рейсы AZAL {в большинство|во многие} российских городов {по-прежнему не выполняются|так и не возобновлены}."]),
 az=dict(t=["AZAL {faciəsi|qəzası}: Moskva {susur|hələ də cavab vermir}", "Həlak olanların ailələri {ədalət|həqiqət} gözləyir", "Qəza araşdırması: {Bakı|rəsmi Bakı} {güzəştə getmir|mövqeyindən dönmür}"],
  s=["Aktau yaxınlığındakı {faciədən|qəzadan} {həftələr keçsə də|bir neçə həftə ötsə də}, Rusiya {hələ də|indiyədək} {günahını rəsmən etiraf etməyib|rəsmi etiraf addımı atmayıb}.",
     "{Rəsmi Bakı|Azərbaycan tərəfi} {üç tələbinin|irəli sürdüyü tələblərin} yerinə yetirilməsini {gözləyir|israrla tələb edir}.",
     "{Həlak olan|Faciədə dünyasını dəyişən} {ekipaj üzvlərinin|pilotların} {xatirəsi|adları} {Bakıda|ölkə üzrə} {ehtiramla yad edilir|anılır}.",
     "{Rusiya mətbuatında|Rusiya televiziyalarında} {quşlar|duman} {haqqında|barədə} {versiyaların|izahların} {təkrarlanması|səsləndirilməsi} {Azərbaycan ictimaiyyətində|Bakıda} {qəzəblə|narazılıqla} qarşılanır.",
     "AZAL {Rusiyanın|bir sıra Rusiya şəhərlərinə} {reysləri|uçuşları} {hələ bərpa etməyib|dayandırılmış vəziyyətdə saxlayır}."]),
 en=dict(t=["Weeks after Aktau crash, Baku and Moscow {still|remain} at odds", "{Families of|Relatives of} AZAL victims {wait|press} for answers", "AZAL crash probe: {a dispute over blame|two narratives}"],
  s=["{Weeks|Several weeks} after the {AZAL crash|Aktau crash}, Moscow and Baku {still|continue to} {disagree|differ} over {what brought the plane down|the cause}.",
     "Baku {insists|maintains} {the jet|the aircraft} was {hit|struck} by Russian air defences, while Russian officials {say|repeat} that conclusions must {await|wait for} the investigation.",
     "{Relatives|Families} of {those killed|the victims} {have asked|are asking} {when|whether} {compensation|payouts} will {come|be agreed}.",
     "AZAL has {not resumed|kept suspended} most of its {Russian routes|flights to Russia}, {a costly step|a decision} for {a carrier|an airline} {whose|with} {network|traffic} {leans heavily on|depends on} Russia."]),
 tr=dict(t=["AZAL {faciası|kazası}: Bakü ile Moskova {arasında|arasındaki} {gerginlik sürüyor|görüş ayrılığı derinleşiyor}", "Aktav kazasının {ardından|üzerinden haftalar geçti}: {Sorular|Sorumluluk} {yanıtsız|belirsiz}"],
  s=["Aktav yakınlarındaki {kazanın|faciadan} {üzerinden haftalar geçmesine rağmen|haftalar sonra bile}, Moskova {sorumluluğu resmen kabul etmiş değil|resmi bir itirafta bulunmadı}.",
     "Bakü, uçağın Rus hava savunması tarafından {vurulduğu|isabet aldığı} {görüşünde|tezinde} {ısrarlı|kararlı}.",
     "Rus {basını|televizyonları} ise {kuş çarpması|sis} gibi {ihtimalleri|senaryoları} {gündemde tutuyor|tekrarlamayı sürdürüyor}.",
     "{Türk|Ankara'daki} {uzmanlar|analistler}, {Azerbaycan'ın|Bakü'nün} {tavrının|duruşunun} {haklı olduğunu|meşru olduğunu} {savunuyor|dile getiriyor}."]),
 fa=dict(t=["{اختلاف|تنش} {باکو و مسکو|آذربایجان و روسیه} بر سر {علت|عامل} سقوط هواپیما"],
  s=["{چند هفته پس از|هفته‌ها پس از} سقوط هواپیمای آزال، {باکو و مسکو|دو طرف} {همچنان|هنوز} درباره {علت|عامل} {سانحه|حادثه} {اختلاف نظر دارند|هم‌نظر نیستند}.",
     "{مقام‌های آذربایجانی|باکو} {می‌گویند|بر این باورند} {هواپیما|این پرواز} {هدف پدافند روسیه قرار گرفته|با آتش پدافند روسیه آسیب دیده}، اما {مسکو|کرملین} {بر لزوم پایان تحقیقات|بر انتظار برای نتیجه تحقیقات} تأکید دارد.",
     "{تحلیلگران|کارشناسان} {در تهران|ایرانی} {تأکید می‌کنند|معتقدند} {تنش میان دو همسایه|این اختلاف} {به سود|به نفع} {ثبات منطقه|قفقاز} نیست."]),
),
dict(id="S08", events=["E09", "E11"], date="2025-02-11", spread=3, n=dict(ru=5, az=4, en=3),
 ru=dict(t=["«Русский дом» в Баку {приостановил|прекращает} работу", "Баку {потребовал|добивается} закрыть «Русский дом»", "Песков назвал ситуацию с «Русским домом» {недоразумением|недопониманием}"],
  s=["{МИД Азербайджана|Азербайджанская сторона} {направил|передал} {российским дипломатам|Москве} ноту с требованием {закрыть|прекратить работу} «Русского дома» в Баку.",
     "{В Баку|Азербайджанские власти} {утверждают|заявляют}, что {центр|представительство Россотрудничества} {работал|действовал} без {регистрации|надлежащей регистрации} и {нарушал|в обход} местного законодательства.",
     "{Спустя неделю|11 февраля} «Русский дом» {объявил|сообщил} о {приостановке|прекращении} {деятельности|работы}.",
     "Дмитрий Песков {назвал|охарактеризовал} {происходящее|ситуацию} {недоразумением|недопониманием} и {выразил надежду|надеется}, что его {удастся урегулировать|удастся разрешить}."]),
 az=dict(t=["\"Rus evi\" Bakıda fəaliyyətini dayandırır", "XİN Rusiyaya nota verib: \"Rus evi\" bağlanmalıdır"],
  s=["Xarici İşlər Nazirliyi Rusiya tərəfinə {nota göndərərək|notada} \"Rus evi\"nin {bağlanmasını|fəaliyyətinə son qoyulmasını} tələb edib.",
     "{Rəsmi Bakının|Nazirliyin} {mövqeyinə görə|açıqlamasına görə}, {mərkəz|qurum} {qeydiyyatsız|dövlət qeydiyyatı olmadan} {fəaliyyət göstərib|işləyib} və {qanunlarımızı|Azərbaycan qanunvericiliyini} {pozub|kobud şəkildə pozub}.",
     "{Fevralın 11-də|Bir həftə sonra} \"Rus evi\" {işini|fəaliyyətini} {dayandırdığını|müvəqqəti saxladığını} {açıqlayıb|elan edib}.",
     "Kreml {məsələni|vəziyyəti} \"anlaşılmazlıq\" {adlandırıb|kimi qiymətləndirib}."]),
 en=dict(t=["Russian House in Baku {suspends work|closes doors} after Azerbaijani note", "Baku {orders|demands} closure of Russia's cultural centre"],
  s=["Azerbaijan's foreign ministry {sent|handed} Moscow a note {demanding|asking for} the closure of the Russian House, {the local branch|the Baku office} of Rossotrudnichestvo.",
     "Baku {said|argued} the centre {was not registered|lacked registration} and {had broken|violated} Azerbaijani law.",
     "The centre {announced|said} on February 11 that it {was suspending|had suspended} its activities; the Kremlin {called|described} the row {a misunderstanding|as a misunderstanding}."]),
),
dict(id="S09", events=["E10"], date="2025-02-04", spread=2, n=dict(ru=3, az=3, en=3, tr=2),
 ru=dict(t=["Казахстан {опубликовал|обнародовал} предварительный отчёт о крушении AZAL", "В отчёте по AZAL {нет|не названы} виновные"],
  s=["{Министерство транспорта Казахстана|Казахстанская комиссия} {опубликовало|выпустило} предварительный отчёт о крушении под Актау на 53 страницах.",
     "В документе {описаны|перечислены} {многочисленные|множественные} пробоины {в хвостовой части|в хвосте}, {двигателе|двигателях} и крыле от {«посторонних объектов»|внешних предметов}.",
     "{Виновных|Ответственность} {в отчёте|авторы отчёта} {не называют|не устанавливают}, {что в Москве|и в Москве это} {сочли|восприняли как} {поводом не спешить|доводом в пользу осторожности}."]),
 az=dict(t=["Qazaxıstan AZAL qəzası üzrə ilkin hesabatı {dərc edib|açıqlayıb}", "İlkin hesabat: təyyarədə {çoxsaylı|onlarla} {deşik|zədə} {var|aşkarlanıb}"],
  s=["Qazaxıstan {nəqliyyat nazirliyi|tərəfi} Aktau qəzası ilə bağlı 53 səhifəlik ilkin hesabatı {ictimaiyyətə təqdim edib|dərc edib}.",
     "Hesabatda {təyyarənin|lainerin} quyruğunda, mühərrikində və qanadında {\"kənar obyektlərin\"|xarici cisimlərin} {yaratdığı|açdığı} {çoxsaylı deşiklərin|zədələrin} olduğu {göstərilib|qeyd olunub}.",
     "{Sənəddə|Hesabatda} {günahkar|məsuliyyət daşıyan tərəf} {adlandırılmayıb|göstərilməyib}, lakin {Bakıda|ekspertlər} {faktların|təsvir olunan zədələrin} {öz sözünü dediyini|hər şeyi aydın göstərdiyini} {bildirirlər|düşünürlər}."]),
 en=dict(t=["Kazakh preliminary report {finds|describes} {holes|punctures} from 'external objects' in AZAL jet", "AZAL crash report {stops short of|avoids} assigning blame"],
  s=["Kazakhstan {released|published} a 53-page preliminary report into the crash near Aktau {on Tuesday|this week}.",
     "Investigators {documented|described} {multiple|numerous} {punctures|holes} caused by {'external objects'|outside objects} in the tail, an engine and a wing.",
     "The report {did not attribute|does not assign} {fault|blame}, {leaving|which leaves} the {dispute|argument} between Baku and Moscow {open|unresolved}."]),
 tr=dict(t=["Kazakistan'dan AZAL kazasına ilişkin {ön rapor|ilk rapor}"],
  s=["Kazakistan, Aktav yakınlarında düşen AZAL uçağına ilişkin 53 sayfalık {ön raporu|ilk raporu} {yayımladı|kamuoyuyla paylaştı}.",
     "Raporda uçağın kuyruk, motor ve kanat {bölümlerinde|kısımlarında} {dış cisimlerin|yabancı nesnelerin} {açtığı|neden olduğu} çok sayıda delik {bulunduğu|tespit edildiği} belirtildi.",
     "Rapor {sorumluyu|kusurlu tarafı} {belirtmedi|açıklamadı}, ancak {Bakü'de|Azerbaycan basınında} {bulgular|tespitler} Rus hava savunmasını {işaret ediyor olarak|gösteriyor diye} {yorumlandı|değerlendirildi}."]),
),
dict(id="S10", events=["E12"], date="2025-02-24", spread=3, n=dict(ru=5, az=3, en=3, tr=1),
 ru=dict(t=["Баку {закрыл|прикрыл} бюро Sputnik Азербайджан", "Sputnik в Азербайджане {остался|оставят} с одним корреспондентом"],
  s=["Азербайджан {объявил|сообщил} о {прекращении работы|закрытии} {представительства|офиса} Sputnik Азербайджан и «России сегодня» в Баку.",
     "{Агентству|Медиагруппе} {разрешат|позволят} {аккредитовать|держать} в стране {не более одного|только одного} корреспондента, {пояснил|уточнил} Айхан Гаджизаде.",
     "{Решение|Шаг Баку} {последовало|стало продолжением} за {историей|конфликтом} с «Русским домом».",
     "{В Москве|Российские дипломаты} {назвали|расценили} {это|закрытие} {ударом по свободе слова|недружественным шагом}."]),
 az=dict(t=["\"Sputnik Azərbaycan\"ın {fəaliyyəti dayandırılıb|ofisi bağlanıb}", "Rusiya Seqodnya Bakıda yalnız bir müxbir saxlaya biləcək"],
  s=["\"Rossiya Seqodnya\" agentliyinin Bakıdakı {nümayəndəliyinin|bürosunun}, o cümlədən \"Sputnik Azərbaycan\"ın fəaliyyəti {dayandırılıb|başa çatıb}.",
     "XİN sözçüsü Ayxan Hacızadə agentliyin {ölkədə|Azərbaycanda} {yalnız bir|cəmi bir} müxbir akkreditasiya etdirə biləcəyini {bildirib|açıqlayıb}.",
     "{Ekspertlər|Şərhçilər} {qərarı|addımı} {Rusiyanın|Moskvanın} {informasiya təsirinin|təbliğat maşınının} {məhdudlaşdırılması|qarşısının alınması} kimi {dəyərləndirir|qiymətləndirir}."]),
 en=dict(t=["Azerbaijan shuts Sputnik bureau, limits Russian agency to one reporter"],
  s=["Azerbaijan {has closed|announced the closure of} the Baku office of Sputnik Azerbaijan, part of the Rossiya Segodnya group.",
     "Foreign ministry spokesman Aykhan Hajizada said the agency {may|would be allowed to} accredit {only one|a single} correspondent {in future|from now on}.",
     "The {step|move} {follows|came weeks after} the {suspension|closure} of the Russian House {and|amid} the {unresolved|lingering} dispute over the AZAL crash."]),
 tr=dict(t=["Azerbaycan, Sputnik'in Bakü {bürosunu kapattı|ofisinin faaliyetini durdurdu}"],
  s=["Azerbaycan, Rus devlet medyası Rossiya Segodnya'ya bağlı Sputnik Azerbaycan'ın Bakü'deki {bürosunun|ofisinin} faaliyetine son verdi.",
     "Dışişleri Sözcüsü Ayhan Hacızade, ajansın ülkede {yalnızca bir|tek bir} muhabir {akredite ettirebileceğini|bulundurabileceğini} açıkladı.",
     "{Karar|Adım}, \"Rus Evi\"nin {kapatılmasının|faaliyetini durdurmasının} {ardından|hemen sonrasında} geldi."]),
),
dict(id="S11", events=[], date="2025-03-04", spread=60, n=dict(ru=4, az=4, en=3, tr=2, fa=1),
 ru=dict(t=["{Затишье|Пауза} в отношениях Москвы и Баку: {что за ним стоит|надолго ли}", "Москва и Баку {перестали|почти перестали} {обмениваться упрёками|спорить публично}"],
  s=["{Публичная перепалка|Открытый спор} между Москвой и Баку {из-за|вокруг} крушения AZAL {в последние недели|с конца февраля} {заметно стихла|почти сошла на нет}.",
     "{Официальные лица|Дипломаты} {обеих сторон|двух стран} {избегают|стараются избегать} резких заявлений, {а телеканалы|и госэфир} {вспоминают|говорит} о катастрофе {всё реже|лишь изредка}.",
     "{Деловые контакты|Торговля}, {по данным собеседников|судя по статистике}, {продолжаются|идут} {в обычном режиме|без серьёзных сбоев}.",
     "{Прямые рейсы AZAL|Полёты азербайджанского перевозчика} {во многие|в ряд} российские города {так и не|пока не} {восстановлены|возобновлены}."]),
 az=dict(t=["Bakı–Moskva: {sükut|sakitlik} {dövrü|mərhələsi}", "AZAL {faciəsindən|qəzasından} {iki ay|aylar} sonra: {tələblər|suallar} qalır"],
  s=["AZAL {faciəsindən|qəzasından} {iki ay|bir neçə ay} keçdikdən sonra {Bakı ilə Moskva arasında|iki paytaxt arasında} {açıq polemika|ictimai mübahisə} {səngiyib|azalıb}.",
     "{Lakin|Buna baxmayaraq} {rəsmi Bakı|Azərbaycan} {üç tələbindən|tələblərindən} {geri çəkilmədiyini|imtina etmədiyini} {dəfələrlə|bir daha} {bəyan edib|vurğulayıb}.",
     "{Ekspertlər|Şərhçilər} {bu sakitliyin|sükutun} {müvəqqəti olduğunu|uzun sürməyəcəyini} {düşünür|ehtimal edir}.",
     "{İqtisadi|Ticari} {əlaqələr|əməkdaşlıq} {isə|hələlik} {əvvəlki kimi|adi qaydada} davam edir."]),
 en=dict(t=["Quiet returns to Moscow–Baku ties, {but|yet} the AZAL {dispute|question} {lingers|remains}", "After the crash row, a {chilly|cold} calm between Baku and Moscow"],
  s=["{Two months|Months} after the AZAL crash, the public {sparring|quarrel} between Moscow and Baku has {largely|mostly} {faded|died down}.",
     "{Neither side|Neither capital} has {withdrawn|dropped} its position: Baku still {wants|demands} an admission and compensation, Moscow still {waits for|points to} the investigation.",
     "{Trade|Business ties} {continue|carry on} {largely|mostly} {unaffected|undisturbed}, {according to|say} {officials|traders} {in both capitals|on both sides}."]),
 tr=dict(t=["Bakü-Moskova hattında {sessizlik|sakinlik} dönemi"],
  s=["AZAL kazasının ardından Bakü ile Moskova arasındaki {kamuoyu önündeki|açık} {tartışma|polemik} {son haftalarda|bir süredir} {duruldu|yatıştı}.",
     "{Ancak|Yine de} Bakü {taleplerinden|üç talebinden} {vazgeçmiş değil|geri adım atmadı}.",
     "{Analistler|Yorumcular}, {sessizliğin|bu sakinliğin} {kalıcı olmayabileceği|geçici olduğu} {uyarısında bulunuyor|görüşünde}."]),
 fa=dict(t=["{آرامش شکننده|سکوت نسبی} در روابط باکو و مسکو"],
  s=["{دو ماه پس از|ماه‌ها پس از} سقوط هواپیمای آزال، {مجادله علنی|کشمکش رسانه‌ای} میان باکو و مسکو {فروکش کرده است|کاهش یافته است}.",
     "{با این حال|اما} {باکو|جمهوری آذربایجان} {از خواسته‌های خود|از مطالباتش} {عقب ننشسته است|کوتاه نیامده است}.",
     "{ناظران|تحلیلگران} {در تهران|ایرانی} {این آرامش را|این وضعیت را} {شکننده|موقتی} {ارزیابی می‌کنند|می‌دانند}."]),
),
dict(id="S12", events=["E13"], date="2025-04-28", spread=2, n=dict(ru=2, az=4, en=2, tr=2, fa=5),
 fa=dict(t=["سفر {رسمی|} پزشکیان به باکو و امضای {هفت|۷} سند همکاری", "پزشکیان در باکو: {فصل تازه|گام تازه} در روابط {تهران و باکو|ایران و آذربایجان}"],
  s=["مسعود پزشکیان، رئیس‌جمهور ایران، {در سفری رسمی|طی سفر رسمی خود} به باکو با الهام علی‌اف {دیدار و گفت‌وگو کرد|دیدار کرد}.",
     "{در این سفر|در جریان این سفر} {یک بیانیه مشترک|بیانیه‌ای مشترک} و هفت سند همکاری در {زمینه‌های|حوزه‌های} {حمل‌ونقل، فرهنگ، سلامت، رسانه و سرمایه‌گذاری|ترابری، فرهنگ، بهداشت، رسانه و سرمایه‌گذاری} {امضا شد|به امضا رسید}.",
     "{پزشکیان|رئیس‌جمهور} {گفت|تأکید کرد} که {روابط دو کشور|پیوندهای دو ملت} {ریشه در تاریخ و فرهنگ مشترک دارد|بر پایه همسایگی و فرهنگ مشترک استوار است}.",
     "{رایزنی‌های سیاسی|سازوکار مشورت‌های سیاسی} {نیز|هم} {در فهرست|در میان} اسناد {امضاشده|این سفر} {قرار داشت|بود}."]),
 az=dict(t=["Pezeşkian Bakıya rəsmi səfərə gəlib", "Azərbaycan və İran {yeddi|7} sənəd imzalayıb"],
  s=["İran Prezidenti Məsud Pezeşkian Azərbaycana rəsmi səfər çərçivəsində Prezident İlham Əliyevlə {görüşüb|danışıqlar aparıb}.",
     "Səfər zamanı birgə bəyannamə və {nəqliyyat|logistika}, mədəniyyət, səhiyyə, media və investisiya sahələrində yeddi sənəd imzalanıb.",
     "Əliyev {İranla|qonşu İranla} {əlaqələrin|münasibətlərin} {yüksələn xətlə inkişaf etdiyini|yeni mərhələyə qədəm qoyduğunu} {deyib|bildirib}."]),
 en=dict(t=["Pezeshkian visits Baku, {seven|7} cooperation deals signed"],
  s=["Iranian President Masoud Pezeshkian {paid|made} an official visit to Baku {on Monday|on April 28}, holding talks with Ilham Aliyev.",
     "The two sides signed a joint declaration and seven {documents|agreements} on political consultations, transport, culture, health, media and investment.",
     "The visit {came|comes} as Baku's relations with Moscow {remain cool|stay frosty} {after|following} the AZAL crash {dispute|row}."]),
 tr=dict(t=["Pezeşkiyan'dan Bakü'ye resmi ziyaret"],
  s=["İran Cumhurbaşkanı Mesud Pezeşkiyan, Bakü'de Azerbaycan Cumhurbaşkanı İlham Aliyev ile {görüştü|bir araya geldi}.",
     "Ziyarette ortak bildiri ile ulaştırma, kültür, sağlık, medya ve yatırım alanlarında yedi işbirliği belgesi imzalandı.",
     "{Gözlemciler|Uzmanlar}, Tahran ile Bakü arasındaki {yakınlaşmanın|ilişkilerin} bölgesel {dengeler|denklemler} açısından {dikkat çekici|önemli} olduğunu {belirtiyor|vurguluyor}."]),
 ru=dict(t=["Пезешкиан {прибыл|посетил} Баку с официальным визитом"],
  s=["Президент Ирана Масуд Пезешкиан {провёл|провел} в Баку переговоры с Ильхамом Алиевым в рамках официального визита.",
     "Стороны {подписали|приняли} совместную декларацию и семь документов о сотрудничестве, {в том числе|включая} {в транспорте|по транспорту} и {инвестициях|инвестиционной сфере}.",
     "{В Москве|Российские эксперты} {внимательно следят|следят} за {сближением|контактами} Тегерана и Баку {на фоне|в условиях} {охлаждения|прохлады} в отношениях России и Азербайджана."]),
),
dict(id="S13", events=["E14", "E15"], date="2025-06-26", spread=2, n=dict(az=3, en=2, fa=5, ru=2),
 fa=dict(t=["{گفت‌وگوی تلفنی|تماس تلفنی} عراقچی و بایراموف", "پزشکیان در تماس با علی‌اف: {موضوع|گزارش‌ها درباره} {حریم هوایی|پهپادها} {بررسی شود|را پیگیری کنید}"],
  s=["عباس عراقچی، وزیر امور خارجه ایران، در تماس تلفنی با جیحون بایراموف {درباره|پیرامون} {حملات اسرائیل|تجاوز اسرائیل} {گفت‌وگو کرد|رایزنی کرد}.",
     "{بایراموف|وزیر خارجه آذربایجان} {تأکید کرد|اطمینان داد} که {باکو|کشورش} {اجازه نخواهد داد|نمی‌گذارد} از خاک {آذربایجان|این کشور} {علیه ایران|برای حمله به ایران} استفاده شود.",
     "{دو هفته بعد|در ۲۶ ژوئن} مسعود پزشکیان {در تماسی تلفنی|تلفنی} از علی‌اف خواست {گزارش‌های|ادعاهای} {عبور پهپادهای اسرائیلی|استفاده پهپادهای اسرائیلی} از حریم هوایی آذربایجان را بررسی کند.",
     "{به روایت|بر اساس گزارش} {تهران|دفتر ریاست‌جمهوری ایران}، علی‌اف {این موضوع را رد کرد|چنین ادعایی را نپذیرفت}؛ {در گزارش باکو|در روایت باکو} {به این بخش اشاره‌ای نشده است|این نکته نیامده است}."]),
 az=dict(t=["Bayramov Araqçi ilə telefonla danışıb", "Əliyev və Pezeşkian arasında telefon {danışığı|söhbəti}"],
  s=["Xarici işlər naziri Ceyhun Bayramov iranlı həmkarı Abbas Araqçi ilə telefonla {danışıb|danışıq aparıb}.",
     "Bayramov {Azərbaycan ərazisinin|ölkəmizin ərazisinin} {İrana qarşı|qonşu dövlətə qarşı} {hücumlar üçün|hərbi əməliyyatlar üçün} istifadəsinə {yol verilməyəcəyini|icazə verilməyəcəyini} {vurğulayıb|bildirib}.",
     "{İyunun 26-da|Daha sonra} Prezident İlham Əliyev ilə İran Prezidenti Məsud Pezeşkian arasında telefon danışığı {olub|baş tutub}."]),
 en=dict(t=["Azerbaijan tells Iran its territory {won't|will not} be used for attacks", "Pezeshkian {presses|asks} Aliyev over reported Israeli drones"],
  s=["Azerbaijani Foreign Minister Jeyhun Bayramov told Iran's Abbas Araghchi {by phone|in a call} that Azerbaijan would not {allow|let} its territory be used {for attacks on Iran|against Iran}.",
     "On June 26 Iranian President Masoud Pezeshkian {asked|urged} Aliyev to look into reports that Israeli drones had {crossed|used} Azerbaijani airspace {during|in} the {12-day war|June war}.",
     "Tehran's {readout|account} said Aliyev denied the reports; Baku's {version|readout} of the call {did not mention|left out} the {issue|subject}."]),
 ru=dict(t=["Пезешкиан {попросил|призвал} Алиева {проверить|разобраться с} {сообщения|данными} о {беспилотниках|дронах}"],
  s=["Президент Ирана Масуд Пезешкиан {в телефонном разговоре|по телефону} {попросил|призвал} Ильхама Алиева {проверить|изучить} {сообщения|данные} о пролёте израильских беспилотников через {воздушное пространство|небо} Азербайджана.",
     "{По версии|Согласно версии} {Тегерана|иранской стороны}, Алиев {это отверг|отрицал это}; в {азербайджанском|бакинском} {сообщении|релизе} {эта тема|этот эпизод} {не упоминается|опущен}.",
     "{Ранее|Ещё 13 июня} глава МИД Азербайджана {заверял|уверял} Тегеран, что территория {республики|страны} не будет использована для ударов по Ирану."]),
),
]
STORIES += [
dict(id="S14", events=["E16"], date="2025-06-27", spread=2, n=dict(ru=7, az=7, en=4, tr=3, fa=2, azc=2), conflict="raid-deaths",
 ru=dict(t=["В Екатеринбурге {задержали|прошли задержания} {фигурантов|подозреваемых} старых убийств", "{Силовики|СК и полиция} {провели|проводят} рейды в Екатеринбурге: {двое|два человека} погибли", "Екатеринбург: {что известно|подробности} о {спецоперации|задержаниях} по делам {2000-х|нулевых}"],
  s=["В Екатеринбурге {силовики|оперативники} {провели|устроили} серию {обысков и задержаний|задержаний} по {давним|старым} уголовным делам об убийствах {2001–2011 годов|начала 2000-х}.",
     "{Следственный комитет|СК России} {сообщил|заявил} о задержании {шести|6} {человек|подозреваемых} в рамках {расследования|дела} о {нескольких|серии} {убийствах|убийств} {прошлых лет|многолетней давности}.",
     "{Во время|В ходе} {задержаний|оперативных мероприятий} {погибли двое|умерли двое} {мужчин|задержанных}, {братья Зияддин и Гусейн Сафаровы|братья Сафаровы}.",
     "{По предварительной версии|Как сообщают источники}, {на которую|на которые} {ссылаются|опираются} {российские СМИ|региональные издания}, {причины смерти|обстоятельства гибели} {ещё устанавливаются|устанавливаются экспертизой}, {а одна из смертей могла быть связана с сердечной недостаточностью|и говорить о насилии преждевременно}.",
     "{Десятки|Несколько десятков} человек {были допрошены|доставлены на допросы}, {сообщают|пишут} {местные каналы|уральские СМИ}."]),
 az=dict(t=["Yekaterinburqda soydaşlarımıza qarşı {qanlı|amansız} əməliyyat: iki qardaş {öldürülüb|həlak olub}", "Səfərov qardaşlarının ölümü: Yekaterinburqda {nə baş verib|baş verənlər}", "Rusiya polisi Yekaterinburqda azərbaycanlıların evlərinə {basqın edib|soxulub}"],
  s=["Yekaterinburqda Rusiya hüquq-mühafizə orqanları {azərbaycanlıların|soydaşlarımızın} evlərinə {basqınlar|reydlər} {həyata keçirib|təşkil edib}.",
     "{Əməliyyat|Basqın} zamanı Ziyəddin və Hüseyn Səfərov qardaşları {həlak olub|dünyasını dəyişib}, {ailə üzvləri|yaxınları} onların {döyülərək|işgəncə ilə} öldürüldüyünü {deyir|iddia edir}.",
     "{Azərbaycan mənbələrinə görə|Diaspor nümayəndələrinin sözlərinə görə}, {doqquz|9} nəfər saxlanılıb, {onlarla|çox sayda} {soydaşımız|insan} {sorğu-suala tutulub|dindirilib}.",
     "Rusiya tərəfi {əməliyyatı|basqınları} {iyirmi il|20 ildən çox} əvvəl törədilmiş {qətllərlə|cinayətlərlə} {əlaqələndirir|izah edir}.",
     "{Hadisə|Baş verənlər} {Azərbaycan ictimaiyyətində|Bakıda} {böyük hiddətə|dərin narazılığa} səbəb olub."]),
 azc=dict(t=["Јекатеринбургда басгын: Сәфәров гардашлары һәлак олуб"],
  s=["Yekaterinburqda {cümə günü|iyunun 27-də} {soydaşlarımızın|azərbaycanlıların} evlərinə basqın edilib, Ziyəddin və Hüseyn Səfərov qardaşları həlak olub.",
     "{Ailələr|Qohumlar} {polisin|əməkdaşların} evlərə {səhər tezdən|sübh çağı} daxil olduğunu {danışır|bildirir}.",
     "{Diaspor|İcma} {fəalları|nümayəndələri} {doqquz|9} nəfərin saxlanıldığını {deyir|bildirir}, Rusiya isə altı nəfərdən {danışır|bəhs edir}.",
     "{Icma|Diaspor} hüquqşünaslarla {əlaqə saxlayır|birgə hərəkət edir} və {həmyerlilərimizi|soydaşlarımızı} {sakit olmağa|təmkinə} çağırır."]),
 en=dict(t=["Two Azerbaijanis die during Russian police raids in Yekaterinburg", "Yekaterinburg raids: Moscow and Baku {give|offer} different accounts"],
  s=["Russian security forces {carried out|staged} raids on homes of ethnic Azerbaijanis in Yekaterinburg {on Friday|on June 27}, {linked to|in connection with} murders {committed|dating} between 2001 and 2011.",
     "Two brothers, Ziyaddin and Huseyn Safarov, {died|were killed} during the {operation|detentions}; relatives {say|allege} they were beaten.",
     "Russian investigators {put the number detained at six|said six people were detained}, while Azerbaijani {sources|media} {speak of|counted} nine.",
     "{Russian|Regional Russian} outlets {cited|reported} preliminary {information|findings} that {one death may have been caused by heart failure|the causes of death were still being established}, a version {rejected|dismissed} in Baku."]),
 tr=dict(t=["Yekaterinburg'da Azerbaycan Türklerine {operasyon|baskın}: İki kardeş hayatını kaybetti"],
  s=["Rusya'nın Yekaterinburg kentinde Azerbaycan {Türklerinin|asıllı ailelerin} evlerine {düzenlenen|yapılan} baskınlarda Ziyaddin ve Hüseyin Safarov kardeşler hayatını kaybetti.",
     "{Rus makamları|Rus soruşturmacılar} {operasyonun|baskınların} 2001-2011 yılları arasındaki {cinayet|eski cinayet} dosyalarıyla ilgili olduğunu {açıkladı|söyledi}.",
     "{Azerbaycan basınına göre|Bakü'deki kaynaklara göre} dokuz kişi gözaltına alındı; {aileler|yakınlar} {kardeşlerin dövülerek öldürüldüğünü|darp edildiğini} {ileri sürüyor|söylüyor}."]),
 fa=dict(t=["{مرگ|جان باختن} دو {برادر|شهروند} آذربایجانی در {عملیات|بازداشت‌های} پلیس یکاترینبورگ"],
  s=["در جریان {یورش|عملیات} پلیس روسیه به خانه‌های {آذربایجانی‌تباران|شهروندان آذربایجانی‌تبار} در یکاترینبورگ، دو برادر به نام‌های ضیاءالدین و حسین صفروف {جان باختند|کشته شدند}.",
     "{مقام‌های روس|بازپرسان روسیه} {این عملیات را|بازداشت‌ها را} به {پرونده‌های|جنایات} قتل سال‌های ۲۰۰۱ تا ۲۰۱۱ {مرتبط دانستند|ربط دادند}.",
     "{شمار|تعداد} بازداشت‌شدگان {به روایت روسیه|در روایت مسکو} شش و {به روایت باکو|در روایت آذربایجان} نه نفر {اعلام شده است|است}."]),
),
dict(id="S15", events=["E17", "E18", "E19"], date="2025-06-27", spread=2, n=dict(az=4, en=2, fa=5, tr=2, ru=1),
 fa=dict(t=["{سفیر|سبحانی:} {پهپادها|ریزپرنده‌ها} از {خاک همسایه|قلمرو همسایه} وارد ایران شدند", "باکو {اظهارات|سخنان} سفیر ایران را {رد کرد|بی‌اساس خواند}", "علی‌اف سفیر جدید ایران را {پذیرفت|به حضور پذیرفت}"],
  s=["سید علی‌اکبر سبحانی، سفیر ایران در باکو، {گفت|مدعی شد} که {پهپادها|برخی پهپادها} از {قلمرو|خاک} یک کشور همسایه وارد ایران شده‌اند و {احتمال|امکان} استفاده اسرائیل از خاک آذربایجان {وجود دارد|را مطرح کرد}.",
     "وزارت خارجه آذربایجان این {اظهارات|ادعاها} را {«بی‌پایه و تحریک‌آمیز»|بی‌اساس و تحریک‌کننده} خواند و از تهران خواست {درباره سفیر اقدام کند|در قبال سفیر تدابیری بیندیشد}.",
     "{در همان روز|همان روز} الهام علی‌اف {سفیر جدید|سفیر تازه} ایران را به حضور پذیرفت و {شایعات|گمانه‌زنی‌ها} درباره پهپادها را {بی‌معنا|یاوه} خواند.",
     "سفیر {از موضع|به خاطر موضع} {«اصولی و قاطع»|محکم و اصولی} باکو {قدردانی کرد|سپاسگزاری کرد}."]),
 az=dict(t=["Bakı İran səfirinin {iddialarını|sözlərini} {qətiyyətlə|kəskin şəkildə} rədd edib", "Əliyev İranın yeni səfirini qəbul edib"],
  s=["XİN İranın Bakıdakı səfirinin {dronlarla bağlı|PUA-larla bağlı} {iddialarını|açıqlamalarını} {əsassız və təxribat xarakterli|əsassız və təxribatçı} adlandırıb.",
     "Nazirlik Tehrandan səfirlə bağlı {müvafiq tədbirlər görməyi|tədbir görülməsini} {xahiş edib|istəyib}.",
     "{Həmin gün|Eyni gündə} Prezident İlham Əliyev İranın yeni səfirinin etimadnaməsini qəbul edib və {dronlarla bağlı|İsrail PUA-ları barədə} {söz-söhbətləri|şayiələri} {cəfəngiyyat|mənasız} adlandırıb."]),
 en=dict(t=["Baku rejects Iranian envoy's drone claims as 'provocative'"],
  s=["Iran's ambassador in Baku suggested drones had entered Iran from {a neighbouring country's|neighbouring} territory and that Israel {may have|might have} used Azerbaijani soil.",
     "Azerbaijan's foreign ministry {rejected|dismissed} the remarks as baseless and provocative and asked Tehran to {take measures|act} regarding the envoy.",
     "The same day Aliyev received Iran's new ambassador and called the drone rumours {nonsense|absurd}, {saying|adding} they aimed to damage {ties|relations}."]),
 tr=dict(t=["Bakü, İran büyükelçisinin {iddialarını reddetti|açıklamalarına tepki gösterdi}"],
  s=["Azerbaycan Dışişleri Bakanlığı, İran'ın Bakü Büyükelçisinin {İHA'larla|insansız hava araçlarıyla} ilgili {iddialarını|sözlerini} {asılsız ve kışkırtıcı|temelsiz ve provokatif} olarak nitelendirdi.",
     "Aliyev aynı gün İran'ın yeni büyükelçisini kabul ederek {söylentilerin|iddiaların} {ilişkileri zedelemeye yönelik|iki ülkeyi karşı karşıya getirmeyi amaçlayan} {saçmalıklar|uydurmalar} olduğunu söyledi."]),
 ru=dict(t=["Баку {отверг|опроверг} слова иранского посла о {беспилотниках|дронах}"],
  s=["МИД Азербайджана назвал {необоснованными и провокационными|беспочвенными и провокационными} {слова|высказывания} посла Ирана о {возможном|якобы} использовании азербайджанской территории израильскими {дронами|беспилотниками}.",
     "{В тот же день|Тогда же} Ильхам Алиев принял {нового|вновь назначенного} посла Ирана и {назвал|охарактеризовал} {слухи|разговоры} о {дронах|беспилотниках} {чепухой|вздором}."]),
),
]
STORIES += [
dict(id="S16", events=["E20", "E21"], date="2025-06-29", spread=2, n=dict(ru=5, az=7, en=3, tr=3, azc=1),
 ru=dict(t=["Баку {вызвал|пригласил в МИД} российского временного поверенного", "Азербайджан {отменил|отказался от} культурных мероприятий России и визита Оверчука"],
  s=["МИД Азербайджана {вызвал|пригласил} временного поверенного в делах России и {заявил|выразил} {решительный|резкий} протест в связи с гибелью двух {выходцев из Азербайджана|азербайджанцев} в Екатеринбурге.",
     "Баку {требует|настаивает на} {срочного|безотлагательного} расследования и наказания {виновных|причастных}.",
     "{На следующий день|В воскресенье} Минкультуры республики {отменило|объявило об отмене} все {мероприятия|концерты и гастроли} российских государственных и частных {структур|организаций}.",
     "{Визит|Поездка} вице-премьера Алексея Оверчука в Баку {отменён|не состоится}, а депутаты Милли Меджлиса {не поедут|отказались ехать} на {заседание|встречу} в Москву."]),
 az=dict(t=["XİN Rusiyanın müvəqqəti işlər vəkilini {çağırıb|nazirliyə dəvət edib}", "Bakı Rusiya ilə mədəni tədbirləri ləğv edib, Overçukun səfəri {baş tutmayacaq|ləğv olunub}", "Milli Məclis nümayəndə heyəti Moskvaya getməyəcək"],
  s=["Xarici İşlər Nazirliyi Rusiyanın müvəqqəti işlər vəkilini nazirliyə {çağıraraq|dəvət edərək} Yekaterinburqda iki soydaşımızın {amansızcasına|vəhşicəsinə} öldürülməsinə {kəskin etiraz|ciddi narazılıq} bildirib.",
     "{Nazirlik|Bakı} {hadisənin|baş verənlərin} {təcili|dərhal} araşdırılmasını və {günahkarların|təqsirkarların} cəzalandırılmasını tələb edib.",
     "Mədəniyyət Nazirliyi Rusiyanın dövlət və özəl qurumlarının {ölkəmizdə|Azərbaycanda} planlaşdırılan bütün {mədəni tədbirlərini|konsert və festivallarını} ləğv edib.",
     "Rusiya Baş nazirinin müavini Aleksey Overçukun {Bakıya səfəri|səfəri} ləğv edilib, Milli Məclisin nümayəndə heyəti {isə|də} Moskvadakı {iclasda|görüşdə} iştirak etməyəcək."]),
 azc=dict(t=["Бакы Русија илә мәдәни тәдбирләри ләғв едиб"],
  s=["Mədəniyyət Nazirliyi Rusiya qurumlarının Azərbaycanda keçirəcəyi bütün mədəni tədbirləri ləğv edib.",
     "{İcmamızın|Diasporumuzun} {üzvləri|nümayəndələri} {bu qərarı|addımı} {dəstəklədiklərini|anlayışla qarşıladıqlarını} bildirirlər.",
     "{Eyni zamanda|Bununla yanaşı} Overçukun Bakıya səfəri də ləğv olunub və {parlament heyəti|deputatlar} Moskvaya getməyəcək."]),
 en=dict(t=["Azerbaijan summons Russian envoy, cancels cultural events over Yekaterinburg deaths"],
  s=["Azerbaijan {summoned|called in} Russia's charge d'affaires to protest what it called the brutal killing of two Azerbaijanis in Yekaterinburg.",
     "A day later Baku cancelled all cultural events planned by Russian state and private bodies and called off a visit by Deputy Prime Minister Alexei Overchuk.",
     "Azerbaijani lawmakers also {pulled out of|withdrew from} a {scheduled|planned} parliamentary meeting in Moscow."]),
 tr=dict(t=["Azerbaycan, Rus maslahatgüzarı Dışişleri'ne çağırdı", "Bakü, Rus kurumlarının kültürel etkinliklerini iptal etti"],
  s=["Azerbaycan Dışişleri Bakanlığı, Rusya'nın Bakü Maslahatgüzarını bakanlığa çağırarak Yekaterinburg'daki ölümleri {sert bir dille protesto etti|protesto etti}.",
     "Bakü ayrıca Rus devlet ve özel kurumlarının {ülkedeki|Azerbaycan'daki} tüm kültürel etkinliklerini iptal etti, Başbakan Yardımcısı Overçuk'un ziyaretini de {iptal etti|gündemden çıkardı}."]),
),
dict(id="S17", events=["E22", "E24"], date="2025-06-30", spread=1, n=dict(ru=6, az=4, en=3, tr=2, fa=2),
 ru=dict(t=["Песков: в Кремле {искренне сожалеют|сожалеют} о {мерах|решениях} Баку", "МИД России вызвал посла Азербайджана"],
  s=["Дмитрий Песков {сказал|заявил} журналистам, что Кремль {искренне сожалеет|сожалеет} о {решениях|шагах}, {принятых|которые приняли} {в Баку|азербайджанские власти}.",
     "{По словам пресс-секретаря|Как пояснил Песков}, в Екатеринбурге {шла|велась} {обычная|штатная} работа правоохранительных органов, которая не {должна|может} {становиться поводом|служить причиной} для {подобных|таких} {демаршей|реакций}.",
     "{Вечером|Позднее} МИД России {вызвал|пригласил} посла Азербайджана {в связи с|из-за} {«недружественных действий»|недружественных шагов} Баку и {задержания|ареста} российских журналистов.",
     "{Москва|Российская сторона} {потребовала|требует} {немедленно освободить|скорейшего освобождения} {сотрудников|журналистов} Sputnik."]),
 az=dict(t=["Kreml Bakının {addımlarına|qərarlarına} \"təəssüf\" edir", "Rusiya XİN Azərbaycan səfirini {çağırıb|nazirliyə dəvət edib}"],
  s=["Dmitri Peskov Kremlin Bakının {qərarlarına|addımlarına} {səmimi|dərin} təəssüf hissi keçirdiyini {deyib|bildirib}.",
     "Kremlin {sözçüsünün|mətbuat katibinin} iddiasına görə, Yekaterinburqda {sadəcə|adi} hüquq-mühafizə {işi|fəaliyyəti} aparılıb.",
     "Rusiya XİN {isə|həmçinin} Azərbaycanın {Moskvadakı|Rusiyadakı} səfirini {çağıraraq|nazirliyə dəvət edərək} {jurnalistlərin|\"Sputnik\" əməkdaşlarının} saxlanılmasına etiraz edib."]),
 en=dict(t=["Kremlin 'regrets' Baku's response, Russia summons Azerbaijani ambassador"],
  s=["Kremlin spokesman Dmitry Peskov said Moscow sincerely regretted the decisions taken in Baku.",
     "He {described|framed} the Yekaterinburg {raids|operation} as {routine|ordinary} law-enforcement work that should not {prompt|trigger} such {steps|demarches}.",
     "Russia's foreign ministry later summoned Azerbaijan's ambassador over what it called unfriendly actions and the {illegal|unlawful} detention of Russian journalists."]),
 tr=dict(t=["Kremlin'den Bakü'ye \"üzüntü\" mesajı"],
  s=["Kremlin Sözcüsü Dmitriy Peskov, Bakü'nün aldığı kararlardan {içtenlikle|derin} üzüntü duyduklarını söyledi.",
     "Rusya Dışişleri Bakanlığı ise Azerbaycan'ın Moskova Büyükelçisini bakanlığa {çağırdı|çağırarak} {Rus gazetecilerin gözaltına alınmasını protesto etti|\"dostça olmayan\" adımlara tepki gösterdi}."]),
 fa=dict(t=["کرملین از تصمیم‌های باکو «ابراز تأسف» کرد"],
  s=["دیمیتری پسکوف، سخنگوی کرملین، گفت مسکو از {تصمیم‌های|اقدام‌های} باکو {صمیمانه|عمیقاً} متأسف است.",
     "وزارت خارجه روسیه {نیز|همچنین} سفیر آذربایجان را {احضار کرد|فراخواند} و {به بازداشت|نسبت به بازداشت} {خبرنگاران روس|کارکنان اسپوتنیک} اعتراض کرد."]),
),
dict(id="S18", events=["E23", "E25"], date="2025-07-01", spread=2, n=dict(ru=6, az=6, en=3, tr=2, fa=1),
 ru=dict(t=["В Баку {задержаны|арестованы} сотрудники Sputnik Азербайджан", "Суд в Баку {арестовал|отправил под стражу} восьмерых россиян", "Картавых и Белоусов {остаются|оставлены} под стражей"],
  s=["Полиция {провела обыск|нагрянула} в {бакинском офисе|редакции} Sputnik Азербайджан и {задержала|увезла} исполнительного директора Игоря Картавых и главного редактора Евгения Белоусова.",
     "{Азербайджанские|Бакинские} {СМИ|издания} {назвали|представили} {задержанных журналистов|их} {сотрудниками ФСБ|офицерами ФСБ}, {в Москве|российская сторона} {это|такие утверждения} {отвергают|называют абсурдом}.",
     "{Суд в Баку|Бакинский суд} {на следующий день|1 июля} {арестовал|заключил под стражу} на четыре месяца восьмерых граждан России по {делам|обвинениям} о {транзите наркотиков|наркотрафике} и киберпреступлениях.",
     "{Журналистам Sputnik|Картавых и Белоусову} {вменяют|предъявлены обвинения в} {мошенничество|мошенничестве} и {другие|ряд других} {статьи|эпизоды}."]),
 az=dict(t=["\"Sputnik Azərbaycan\"ın ofisində {əməliyyat|axtarış}: rəhbərlər saxlanılıb", "Bakıda 8 Rusiya vətəndaşı {həbs edilib|barəsində həbs qətimkan tədbiri seçilib}"],
  s=["Polis \"Sputnik Azərbaycan\"ın Bakıdakı ofisində {əməliyyat keçirib|axtarış aparıb}, icraçı direktor İqor Kartavıx və baş redaktor Yevgeni Belousov saxlanılıb.",
     "{Məlumata görə|Mənbələrin iddiasına görə}, {saxlanılanlar|hər iki şəxs} Rusiya FTX-nin əməkdaşlarıdır.",
     "{Bakı məhkəməsi|Məhkəmə} narkotik tranziti və kibercinayətlərdə {şübhəli bilinən|ittiham olunan} səkkiz Rusiya vətəndaşını dörd ay müddətinə həbs edib.",
     "{Ümumilikdə|Ümumi sayda} yeddi nəfərin {saxlanıldığı|tutulduğu} {bildirilir|qeyd olunur}."]),
 en=dict(t=["Azerbaijani police raid Sputnik office in Baku, detain executives", "Baku court remands eight Russians for four months"],
  s=["Police raided the Baku office of Sputnik Azerbaijan and detained executive director Igor Kartavykh and editor-in-chief Yevgeny Belousov.",
     "Azerbaijani media described the two as FSB officers, a claim Moscow rejected.",
     "A Baku court {on Tuesday|the next day} remanded eight Russian citizens for four months on drug-transit and cybercrime charges."]),
 tr=dict(t=["Bakü'de Sputnik Azerbaycan ofisine operasyon"],
  s=["Azerbaycan polisi, Sputnik Azerbaycan'ın Bakü ofisine operasyon düzenleyerek {yöneticileri|icra direktörü İgor Kartavıh ile genel yayın yönetmeni Yevgeniy Belousov'u} gözaltına aldı.",
     "{Azerbaycan basını|Bakü basını}, gözaltına alınan iki kişinin FSB mensubu olduğunu {öne sürdü|iddia etti}.",
     "Bakü'de bir mahkeme sekiz Rus vatandaşı hakkında {dört aylık tutukluluk kararı verdi|dört ay tutuklama kararı verdi}."]),
 fa=dict(t=["بازداشت مدیران اسپوتنیک آذربایجان در باکو"],
  s=["پلیس آذربایجان به دفتر اسپوتنیک آذربایجان در باکو {یورش برد|وارد شد} و {مدیر اجرایی و سردبیر|دو مدیر ارشد} آن را بازداشت کرد.",
     "{یک دادگاه در باکو|دادگاه باکو} {روز بعد|سپس} برای هشت شهروند روسیه {چهار ماه|قرار چهار ماهه} بازداشت {صادر کرد|تعیین کرد}."]),
),
dict(id="S19", events=["E26", "E28", "E27"], date="2025-07-02", spread=2, n=dict(ru=6, az=5, en=3, tr=3, fa=2),
 ru=dict(t=["Песков: Киев {будет подливать|подольёт} масла в огонь", "Зеленский позвонил Алиеву", "Баку {вызвал|снова вызвал} российского посла"],
  s=["Владимир Зеленский {провёл|провел} телефонный разговор с Ильхамом Алиевым и {высказал|выразил} поддержку {Баку|Азербайджану} {на фоне|в условиях} {разногласий|конфликта} с Москвой.",
     "Дмитрий Песков {ответил|отреагировал}, что Киев {будет|станет} {подливать масла в огонь|раздувать} {российско-азербайджанских|двусторонних} {разногласий|противоречий}, и {подчеркнул|заявил}, что Россия {никогда|ни разу} {не угрожала|не грозила} Азербайджану.",
     "{2 июля|Тем временем} МИД Азербайджана {вызвал|пригласил} посла России Михаила Евдокимова и {вручил|передал} ему ноту протеста.",
     "{Провластные|Отдельные} {эксперты|комментаторы} в Москве {видят|усматривают} в {поведении|действиях} Баку {руку|влияние} {Лондона и Анкары|Запада и Турции}."]),
 az=dict(t=["Zelenski Əliyevə zəng edib", "Rusiya səfiri XİN-ə çağırılıb, etiraz notası {təqdim olunub|verilib}"],
  s=["Ukrayna Prezidenti Volodimir Zelenski İlham Əliyevə zəng edərək {Azərbaycana|ölkəmizə} dəstəyini {ifadə edib|bildirib} və Səfərov qardaşlarının ölümü ilə bağlı başsağlığı verib.",
     "Peskov isə Kiyevin {vəziyyəti qızışdırmağa|odun üstünə yağ tökməyə} çalışacağını {iddia edib|söyləyib}.",
     "İyulun 2-də Rusiyanın Azərbaycandakı səfiri Mixail Yevdokimov XİN-ə çağırılıb və ona {rəsmi etiraz|etiraz notası} {təqdim edilib|çatdırılıb}.",
     "Nazirlik {Moskvanın|Rusiyanın} {son addımlarının|son hərəkətlərinin} {ikitərəfli münasibətlərə|əlaqələrə} ciddi zərbə vurduğunu {bildirib|vurğulayıb}."]),
 en=dict(t=["Zelensky calls Aliyev as Russia–Azerbaijan row deepens", "Azerbaijan summons Russian ambassador, hands protest note"],
  s=["Ukraine's Volodymyr Zelensky {phoned|called} Aliyev to express support and offer condolences over the Safarov brothers.",
     "Peskov said Kyiv would {pour oil on the fire|try to inflame the dispute} and insisted Russia had never threatened Azerbaijan.",
     "On July 2 Baku summoned Russia's ambassador and handed him a formal protest over steps it said had {seriously damaged|badly hurt} relations."]),
 tr=dict(t=["Bakü, Rus Büyükelçiyi Dışişleri'ne çağırdı", "Zelenskiy'den Aliyev'e destek telefonu"],
  s=["Ukrayna Devlet Başkanı Zelenskiy, Aliyev'i {arayarak|telefonla arayarak} Azerbaycan'a destek verdi ve Safarov kardeşler için başsağlığı diledi.",
     "Azerbaycan, Rusya'nın Bakü Büyükelçisini {Dışişleri Bakanlığına çağırarak|bakanlığa çağırıp} resmi protesto notası verdi.",
     "Kremlin Sözcüsü Peskov ise Rusya'nın Azerbaycan'ı {hiçbir zaman|asla} tehdit etmediğini {savundu|söyledi}."]),
 fa=dict(t=["احضار سفیر روسیه در باکو"],
  s=["وزارت خارجه آذربایجان سفیر روسیه را احضار کرد و {یادداشت اعتراض|اعتراض رسمی} خود را به او {تحویل داد|ابلاغ کرد}.",
     "{همزمان|در همین حال} زلنسکی در تماس با علی‌اف از باکو حمایت کرد و پسکوف {گفت|مدعی شد} کیف {در پی دامن زدن به|به دنبال تشدید} اختلاف است."]),
),
dict(id="S20", events=["E29", "E30"], date="2025-07-22", spread=4, n=dict(ru=4, az=6, en=3, tr=2),
 ru=dict(t=["Алиев {пригрозил|пообещал} {передать|вынести} дело AZAL в международные суды", "Генпрокуратура Азербайджана: братья Сафаровы умерли от {пыток|побоев}"],
  s=["Выступая на медиафоруме в Шуше, Ильхам Алиев {сказал|заявил}, что за семь месяцев Россия так и не {ответила|дала ответа} по делу AZAL.",
     "{Баку|Азербайджан}, по его словам, {обратится|пойдёт} в международные {суды|судебные инстанции}.",
     "{Через несколько дней|22 июля} генпрокурор Азербайджана {сообщил|заявил}, что {экспертиза|судмедэкспертиза} {показала|выявила} {следы пыток и побоев|смерть от пыток и побоев} у братьев Сафаровых.",
     "{Материалы|Данные экспертизы} {переданы|направлены} в Следственный комитет России; {в СК|российские следователи} {их публично не комментировали|пока не дали оценки}."]),
 az=dict(t=["Əliyev: AZAL işi beynəlxalq məhkəmələrə {aparılacaq|çıxarılacaq}", "Baş Prokuror: Səfərov qardaşları {işgəncə|döyülmə} nəticəsində ölüb"],
  s=["Prezident İlham Əliyev Şuşa Qlobal Media Forumunda Rusiyanın {yeddi ay|yeddi aydır} AZAL faciəsi ilə bağlı {heç bir cavab vermədiyini|cavabsız qaldığını} {deyib|vurğulayıb}.",
     "Dövlət başçısı {işin|məsələnin} beynəlxalq məhkəmələrə {aparılacağını|çıxarılacağını} və {cəza|təqsirkarların cəzalandırılması} ilə {təzminat|kompensasiya} tələbinin qüvvədə qaldığını bildirib.",
     "Baş Prokurorluq {ekspertizanın|məhkəmə-tibbi ekspertizanın} Səfərov qardaşlarının işgəncə və döyülmə nəticəsində öldüyünü {təsdiqlədiyini|göstərdiyini} açıqlayıb.",
     "{Sübutlar|Materiallar} Rusiya İstintaq Komitəsinə {göndərilib|təqdim olunub}."]),
 en=dict(t=["Aliyev says Baku will take AZAL case to international courts", "Azerbaijan says forensics show Safarov brothers were tortured"],
  s=["Speaking at the Shusha Global Media Forum, Aliyev said Russia had given no answer on the AZAL {case|crash} in seven months.",
     "He said Azerbaijan would {go to|turn to} international courts and repeated demands for punishment and compensation.",
     "Days later Azerbaijan's prosecutor general said forensic {tests|examinations} showed the Safarov brothers died from torture and beatings, and that the {findings|evidence} had been sent to Russia's Investigative Committee."]),
 tr=dict(t=["Aliyev: AZAL davasını uluslararası mahkemelere taşıyacağız"],
  s=["Aliyev, Şuşa Küresel Medya Forumu'nda Rusya'nın yedi aydır AZAL {konusunda|meselesinde} {yanıt vermediğini|sessiz kaldığını} söyledi.",
     "Azerbaycan Başsavcılığı ise Safarov kardeşlerin işkence ve darp sonucu öldüğünü {adli tıp raporuna dayanarak|otopsi bulgularıyla} açıkladı."]),
),
]
STORIES += [
dict(id="S21", events=["E31", "E33", "E34", "E35"], date="2025-08-18", spread=5, n=dict(ru=4, az=6, en=4, tr=3),
 ru=dict(t=["{Удар|Атака} по нефтебазе SOCAR под Одессой: Баку {возмущён|недоволен}", "Алиев в интервью американскому телеканалу {снова|вновь} {потребовал|требует} признания по AZAL"],
  s=["{Под Одессой|В Одесской области} {беспилотники|дроны} {поразили|атаковали} нефтебазу азербайджанской SOCAR, {пострадали|ранены} четверо сотрудников.",
     "Алиев и Зеленский {в телефонном разговоре|по телефону} {назвали|охарактеризовали} удары {преднамеренными|умышленными}; {в Москве|Минобороны России} {говорят|настаивают}, что {бьют|наносятся удары} только по {военной инфраструктуре|военным объектам}.",
     "{В интервью американскому телеканалу|Американскому телевидению} Алиев {сказал|заявил}, что {не считает|не считает} {уничтожение|поражение} самолёта {умышленным|преднамеренным}, но {по-прежнему ждёт|требует} {признания|официального признания}, наказания и компенсации.",
     "{18 августа|Через десять дней} {нефтебаза|объект SOCAR} {была атакована|подверглась удару} {повторно|вновь}."]),
 az=dict(t=["Rusiya dronları SOCAR-ın Odessadakı neft bazasını vurub", "Əliyev Fox News-a: AZAL {üçün|məsələsində} {etiraf, cəza və təzminat|üç tələbimiz} qüvvədədir", "SOCAR obyektinə ikinci zərbə"],
  s=["Rusiyanın \"Şahed\" tipli dronları Ukraynanın Odessa vilayətində SOCAR-a məxsus neft bazasına zərbə endirib, dörd əməkdaş ağır yaralanıb.",
     "Prezident İlham Əliyev və Volodimir Zelenski telefon danışığında {SOCAR obyektlərinə|Azərbaycan qazını daşıyan infrastruktura} {qəsdən|bilərəkdən} endirilən zərbələri pisləyiblər.",
     "Fox News-a müsahibəsində Əliyev təyyarənin {qəsdən|bilərəkdən} vurulmadığını, lakin Rusiyanın {rəsmi etiraf etməli|günahını rəsmən boynuna almalı}, təqsirkarları cəzalandırmalı və tam təzminat ödəməli olduğunu deyib.",
     "Avqustun 18-də {eyni|həmin} bazaya {yenidən|təkrar} hücum edilib."]),
 en=dict(t=["Russian drones hit SOCAR oil depot near Odesa", "Aliyev: AZAL downing not deliberate, but Russia must admit it"],
  s=["Russian Shahed-type drones struck an oil depot belonging to Azerbaijan's SOCAR in Ukraine's Odesa region, seriously injuring four employees.",
     "Aliyev and Zelensky, in a phone call, condemned what they called deliberate strikes on SOCAR's depot and on a gas station {linked to|carrying} Azerbaijani gas supplies.",
     "In a Fox News interview, Aliyev said he did not believe the jet was downed on purpose but wanted an official admission, punishment and full compensation.",
     "The depot was hit again on August 18; Ukraine's foreign minister said Moscow was acting deliberately against Azerbaijan's interests."]),
 tr=dict(t=["Rus İHA'ları SOCAR'ın Odessa'daki petrol deposunu vurdu", "Aliyev: Uçak kasten düşürülmedi ama Rusya suçunu kabul etmeli"],
  s=["Rusya'ya ait {Şahed tipi|kamikaze} İHA'lar, SOCAR'ın Ukrayna'nın Odessa bölgesindeki petrol deposunu vurdu; dört çalışan ağır yaralandı.",
     "Aliyev, ABD'li bir televizyona verdiği röportajda uçağın kasıtlı düşürülmediğini, ancak Moskova'nın resmi olarak kabul etmesi, sorumluları cezalandırması ve tazminat ödemesi gerektiğini söyledi.",
     "Depo 18 Ağustos'ta {ikinci kez|yeniden} hedef alındı."]),
),
dict(id="S22", events=["E32", "E38"], date="2025-09-01", spread=6, n=dict(fa=6, en=2, az=3),
 fa=dict(t=["ولایتی: {مسیر ترامپ|کریدور ترامپ} {در قفقاز|از سیونیک} {عبور نخواهد کرد|مسدود می‌شود}", "{عزیزی|رئیس کمیسیون امنیت ملی}: {پهپادهای اسرائیلی|ریزپرنده‌ها} از خاک آذربایجان وارد شدند"],
  s=["علی‌اکبر ولایتی {گفت|هشدار داد} که ایران {با روسیه یا بدون آن|حتی بدون همراهی روسیه} {مانع|جلوی} {ایجاد|عبور} {«مسیر ترامپ»|گذرگاه مورد حمایت آمریکا} از سیونیک {خواهد شد|را خواهد گرفت}.",
     "{رئیس کمیسیون امنیت ملی مجلس|ابراهیم عزیزی} {اعلام کرد|گفت} {مرزبانان|نیروهای مرزبانی} {ورود|عبور} پهپادهای اسرائیلی از {خاک|قلمرو} آذربایجان را در جنگ دوازده‌روزه {مشاهده کرده‌اند|دیده‌اند}.",
     "{باکو|مقام‌های آذربایجانی} {پیش‌تر|قبلاً} {این ادعاها|چنین اتهاماتی} را {رد کرده بودند|نپذیرفته بودند}.",
     "{دیپلمات‌های ایرانی|وزارت خارجه} {در عین حال|همزمان} بر {حفظ|اهمیت} {روابط حسن همجواری|روابط دوستانه} با باکو تأکید {می‌کنند|کرده است}."]),
 en=dict(t=["Iranian officials revive claims about drones from Azerbaijani territory"],
  s=["Ali Akbar Velayati, an adviser to Iran's supreme leader, vowed Tehran would block the US-backed transit route through Syunik, with or without Russia.",
     "On September 1 the head of the Iranian parliament's national security committee said border guards had seen Israeli drones enter Iran from Azerbaijani territory during the June war.",
     "Baku has repeatedly rejected such claims."]),
 az=dict(t=["İranlı deputatdan yenə {əsassız|təxribatçı} iddia", "Vilayətinin \"Tramp marşrutu\" bəyanatı"],
  s=["İran parlamentinin milli təhlükəsizlik komitəsinin sədri {12 günlük müharibə zamanı|İyun müharibəsində} İsrail dronlarının Azərbaycan ərazisindən İrana daxil olduğunu iddia edib.",
     "Bakı {bu cür iddiaları|oxşar iddiaları} {dəfələrlə|əvvəllər də} {təkzib edib|rədd edib}.",
     "{Daha əvvəl|Avqustda} Əli Əkbər Vilayəti Zəngəzur {istiqamətindəki|üzərindən keçəcək} marşrutun İran tərəfindən {əngəllənəcəyini|bağlanacağını} {deyib|bildirib}."]),
),
dict(id="S23", events=["E36", "E37", "E39", "E42"], date="2025-09-29", spread=5, n=dict(tr=8, ru=4, en=2),
 tr=dict(t=["Erdoğan ve Putin Tianjin'de görüştü", "Akkuyu'da {devreye alma|ilk ünite} {3-4 ay|birkaç ay} gecikebilir", "Rosatom: Akkuyu'nun finansman sorunu çözüldü", "Putin, Erdoğan'ı arayarak Alaska zirvesi hakkında bilgi verdi"],
  s=["Cumhurbaşkanı Recep Tayyip Erdoğan, ŞİÖ zirvesi için bulunduğu Tianjin'de Rusya Devlet Başkanı Vladimir Putin ile {bir araya geldi|görüştü} ve onu Türkiye'ye davet etti.",
     "Putin, {İstanbul'daki|İstanbul'da yapılan} Rusya-Ukrayna {müzakerelerine|görüşmelerine} ev sahipliği yaptığı için Türkiye'ye {teşekkür etti|şükranlarını iletti}.",
     "Rosatom, Siemens'in {bazı ekipmanları|ekipman teslimatını} {vermemesi|durdurması} nedeniyle Akkuyu'da ilk ünitenin {devreye alınmasının|işletmeye alınmasının} üç-dört ay {gecikebileceğini|kayabileceğini} açıkladı.",
     "Eylül sonunda Rosatom, ABD'de {bloke edilen|takılan} yaklaşık 2 milyar dolarlık {finansman sorununun|kaynak meselesinin} çözüldüğünü ve dört ünitenin 2028 sonuna kadar tamamlanacağını bildirdi.",
     "{Ankara|Türkiye}, Moskova ile {dengeli|yapıcı} ilişkiyi sürdürürken Bakü ile {stratejik|kardeşlik} bağlarını {ön planda tutuyor|koruyor}."]),
 ru=dict(t=["Путин и Эрдоган {встретились|поговорили} в Тяньцзине", "«Аккую»: Росатом {обещает|говорит}, что проблему с финансированием {решили|сняли}"],
  s=["Владимир Путин и Реджеп Тайип Эрдоган {провели|провели} встречу на полях саммита ШОС в Тяньцзине, турецкий лидер {пригласил|позвал} Путина в Турцию.",
     "{Росатом|Госкорпорация} {сообщил|заявил}, что {пуск|ввод} первого блока АЭС «Аккую» может {сдвинуться|задержаться} на три-четыре месяца из-за {оборудования|поставок} Siemens.",
     "{В конце сентября|29 сентября} в Росатоме {заявили|сообщили}, что {проблема|вопрос} с {заблокированными|застрявшими} в США {средствами|деньгами} {решена|снят}."]),
 en=dict(t=["Erdogan meets Putin in Tianjin, invites him to Turkey", "Rosatom says Akkuyu funding problem resolved"],
  s=["Turkish President Recep Tayyip Erdogan met Vladimir Putin on the sidelines of the SCO summit in Tianjin and invited him to visit Turkey.",
     "Rosatom said in late September that roughly $2 billion blocked in the United States had been freed and the Akkuyu plant was fully funded.",
     "Earlier the company warned the start of the first unit could slip by three to four months because Siemens withheld equipment."]),
),
dict(id="S24", events=["E40", "E41"], date="2025-09-08", spread=4, n=dict(ru=5, az=3, en=2, fa=1),
 ru=dict(t=["Захарова: освобождение россиян {станет|было бы} важным шагом к нормализации", "Лавров усомнился в вашингтонских {договорённостях|документах}"],
  s=["Мария Захарова {заявила|сказала}, что {освобождение|выход на свободу} задержанных в Азербайджане россиян {стало бы|был бы} важным шагом к нормализации {отношений|связей}.",
     "Сергей Лавров {признал|отметил}, что {первоначальный|поначалу} {энтузиазм|интерес} Москвы {к документам|к договорённостям}, подписанным 8 августа в Вашингтоне, {сменился|уступил место} {скепсисом|сомнениям} после публикации текста.",
     "{Провластные|Государственные} {комментаторы|эксперты} {связывают|объясняют} {курс|поведение} Баку {влиянием|давлением} {Вашингтона и Анкары|западных столиц}."]),
 az=dict(t=["Zaxarova: Rusiya vətəndaşlarının azad edilməsi {normallaşma|münasibətlərin bərpası} üçün vacibdir", "Lavrov Vaşinqton razılaşmalarından {narazıdır|şübhələnir}"],
  s=["Rusiya XİN-in sözçüsü Mariya Zaxarova Azərbaycanda saxlanılan Rusiya vətəndaşlarının azad edilməsini {münasibətlərin normallaşmasına doğru|normallaşma yolunda} mühüm addım adlandırıb.",
     "Sergey Lavrov {isə|da} avqustun 8-də Vaşinqtonda imzalanan sənədlərə {ilkin|əvvəlki} {rəğbətin|nikbinliyin} mətn dərc olunduqdan sonra {şübhə ilə əvəzləndiyini|skeptisizmə çevrildiyini} deyib.",
     "{Bakıda|Azərbaycan ekspertləri} {bu açıqlamaları|bu sözləri} {Moskvanın|Kremlin} {regionda|Cənubi Qafqazda} {təsirini itirməkdən qorxusu|nüfuzunu qoruma cəhdi} kimi {şərh edirlər|qiymətləndirirlər}."]),
 en=dict(t=["Moscow signals detainee release key to mending ties with Baku"],
  s=["Russian foreign ministry spokeswoman Maria Zakharova said freeing Russians held in Azerbaijan would be an important step toward normal relations.",
     "Days later Sergei Lavrov said Moscow's early enthusiasm for the August 8 Washington agreements had turned to scepticism once the text was published."]),
 fa=dict(t=["لاوروف: {تردید|ابهام} درباره توافق‌های واشنگتن"],
  s=["سرگئی لاوروف گفت {استقبال|خوش‌بینی} اولیه مسکو از اسناد ۸ اوت واشنگتن پس از انتشار متن آن به {تردید|بدبینی} تبدیل شده است.",
     "{تهران|ایران} {نیز|هم} {نسبت به|درباره} {حضور|نقش} {قدرت‌های فرامنطقه‌ای|آمریکا} در قفقاز {نگرانی|حساسیت} {دارد|نشان داده است}."]),
),
dict(id="S25", events=["E43", "E44"], date="2025-10-07", spread=1, n=dict(ru=4, az=3, en=2, tr=3),
 ru=dict(t=["Алиев поздравил Путина с днём рождения", "Первый {за полгода|с марта} разговор Путина и Алиева"],
  s=["Ильхам Алиев позвонил Владимиру Путину и поздравил его с днём рождения; {это|такой} {первый|первый с марта} телефонный контакт {лидеров|президентов}.",
     "{В тот же день|7 октября} Путину {также|ещё} позвонил Реджеп Тайип Эрдоган, обсудивший {помимо поздравлений|также} Газу и Украину.",
     "{Наблюдатели|Эксперты} {в Москве|в Баку} {расценили|восприняли} звонок как {сигнал|знак} {к оттепели|к возможной разрядке}."]),
 az=dict(t=["Əliyev Putinə zəng edərək ad günü münasibətilə təbrik edib"],
  s=["Prezident İlham Əliyev Vladimir Putinə telefonla zəng edərək onu ad günü münasibətilə təbrik edib.",
     "Bu, {mart ayından bəri|martdan sonra} iki prezident arasında {ilk|ilk telefon} {təmasdır|danışıqdır}.",
     "{Ekspertlər|Şərhçilər} {zəngin|təmasın} {gərginliyin azaldılması|münasibətlərin yumşalması} üçün {ilk addım ola biləcəyini|imkan yaratdığını} {ehtiyatla|ehtiyatlı şəkildə} {qeyd edir|vurğulayır}."]),
 en=dict(t=["Aliyev calls Putin on birthday in first contact since March"],
  s=["Aliyev phoned Putin to wish him a happy birthday, the first call between the two leaders since March.",
     "Erdogan also called Putin the same day, discussing Gaza and Ukraine as well as birthday greetings."]),
 tr=dict(t=["Erdoğan, Putin'in doğum gününü kutladı", "Aliyev'den Putin'e {tebrik telefonu|doğum günü telefonu}"],
  s=["Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin'i telefonla arayarak doğum gününü kutladı; görüşmede Gazze'deki ateşkes ve Ukrayna da ele alındı.",
     "Azerbaycan Cumhurbaşkanı Aliyev de Putin'i arayarak {tebrik etti|kutladı}; bu, iki lider arasında Mart'tan bu yana ilk telefon görüşmesi oldu."]),
),
]
STORIES += [
dict(id="S26", events=["E45"], date="2025-10-09", spread=2, n=dict(ru=8, az=7, en=5, tr=4, fa=4), conflict="dushanbe",
 ru=dict(t=["Путин в Душанбе: две ракеты ПВО {взорвались|разорвались} рядом с самолётом AZAL", "Путин и Алиев {встретились|провели встречу} в Душанбе", "Путин {пообещал|гарантировал} компенсации {по AZAL|семьям погибших}"],
  s=["{На встрече|В ходе встречи} с Ильхамом Алиевым в Душанбе Владимир Путин {сказал|признал}, что {две ракеты|две ракеты ПВО} {разорвались|взорвались} в {нескольких метрах|считанных метрах} от {самолёта|борта} AZAL.",
     "{Это|Встреча} {первая|стала первой} полноценная встреча {президентов|лидеров} {за год|почти за год}.",
     "{Путин|Российский президент} {снова|вновь} {извинился|принёс извинения}, {пообещал|заверил}, что {компенсации будут выплачены|будут выплачены компенсации}, а действия {должностных лиц|причастных} получат {правовую оценку|юридическую оценку}.",
     "{По словам Путина|Как объяснил президент}, {ракеты|снаряды} {наводились|были нацелены} на украинские {беспилотники|дроны}, а {самолёт|лайнер} {пострадал|был повреждён} {случайно|не намеренно}."]),
 az=dict(t=["Putin Düşənbədə etiraf etdi: {iki raket|HHM raketləri} təyyarənin yaxınlığında partlayıb", "Əliyev–Putin görüşü: {Moskva|Kreml} {nəhayət|10 ay sonra} {günahı etiraf edib|etirafa gəlib}", "Düşənbə görüşü: təzminat və hüquqi qiymət {vədi|sözü}"],
  s=["Düşənbədə Prezident İlham Əliyevlə görüşdə Vladimir Putin Rusiya HHM-nin iki raketinin AZAL təyyarəsindən bir neçə metr {aralıda|məsafədə} partladığını {etiraf edib|deyib}.",
     "Putin {yenidən|bir daha} üzr istəyib, {təzminat ödəniləcəyini|kompensasiya veriləcəyini} və {vəzifəli şəxslərin|məsul şəxslərin} hərəkətlərinə hüquqi qiymət {veriləcəyini|veriləcəyinə söz verib}.",
     "Bu, iki prezidentin {bir il ərzində|təxminən bir il ərzində} ilk tam {görüşüdür|formatlı görüşüdür}.",
     "{Bakıda|Azərbaycan ictimaiyyətində} {etiraf|Kremlin etirafı} {prinsipial mövqeyin qələbəsi|Azərbaycanın haqlı olduğunun sübutu} kimi {qiymətləndirilir|qarşılanır}."]),
 en=dict(t=["Putin tells Aliyev Russian missiles exploded near AZAL jet", "Putin, Aliyev meet in Dushanbe; Kremlin accepts link to crash"],
  s=["Putin told Aliyev in Dushanbe that two Russian air-defence missiles exploded a few metres from the Azerbaijan Airlines jet last December.",
     "It was the first full meeting between the two leaders in about a year.",
     "Putin apologised again, promised compensation and said the actions of officials would be given a legal assessment.",
     "He said the missiles had been aimed at Ukrainian drones and the airliner was damaged by accident."]),
 tr=dict(t=["Kremlin'den ilk itiraf: İki füze AZAL uçağının yakınında patladı", "Putin ve Aliyev Duşanbe'de görüştü"],
  s=["Rusya Devlet Başkanı Putin, Duşanbe'de Aliyev ile {görüşmesinde|bir araya geldiğinde} iki Rus hava savunma füzesinin AZAL uçağının birkaç metre yakınında patladığını {kabul etti|söyledi}.",
     "Putin yeniden özür diledi, tazminat ödeneceğini ve sorumluların eylemlerinin hukuki açıdan değerlendirileceğini {taahhüt etti|söyledi}.",
     "{Bakü'nün|Azerbaycan'ın} {kararlı duruşu|on aylık ısrarı} {sonuç verdi|karşılık buldu}, {diye yorumlar yapılıyor|yorumları yapılıyor}."]),
 fa=dict(t=["پوتین در دوشنبه: دو موشک پدافند {در نزدیکی|در چند متری} هواپیمای آذربایجانی منفجر شد"],
  s=["ولادیمیر پوتین در دیدار با الهام علی‌اف در دوشنبه، پایتخت تاجیکستان، گفت دو موشک پدافند هوایی روسیه در چند متری هواپیمای آزال منفجر شده است.",
     "پوتین {دوباره|بار دیگر} عذرخواهی کرد و {وعده|قول} پرداخت غرامت داد.",
     "{تهران|وزارت خارجه ایران} {از|به} {کاهش تنش|گفت‌وگوی} {میان دو همسایه|میان باکو و مسکو} {استقبال کرد|ابراز امیدواری کرد}."]),
),
dict(id="S27", events=["E46", "E47"], date="2025-10-19", spread=3, n=dict(ru=6, az=5, en=3, tr=2, azc=2),
 ru=dict(t=["Картавых {переведён|переведен} под домашний арест, Агаев {освобождён|на свободе}", "Игорь Картавых вернулся в Москву"],
  s=["{В Баку|Азербайджанский суд} {перевёл|перевёл} исполнительного директора Sputnik Азербайджан Игоря Картавых под домашний арест, а в Москве {освободили|отпустили} бывшего директора Театра сатиры Мамедали Агаева.",
     "{По данным|Как сообщают} {источников|осведомлённых собеседников}, {обмен|взаимный шаг} {готовили|согласовали} помощник президента Юрий Ушаков и Хикмет Гаджиев.",
     "{19 октября|Через девять дней} Картавых {вылетел|прилетел} в Москву, {сообщила|подтвердила} Мария Захарова."]),
 az=dict(t=["Məmmədəli Ağayev azadlığa buraxılıb", "Kartavıx ev dustaqlığına keçirilib, sonra Moskvaya yola salınıb"],
  s=["Moskvada Satira Teatrının keçmiş direktoru, Azərbaycan vətəndaşı Məmmədəli Ağayev azadlığa buraxılıb.",
     "{Eyni gün|Həmin gün} Bakıda \"Sputnik Azərbaycan\"ın icraçı direktoru İqor Kartavıx ev dustaqlığına {keçirilib|buraxılıb}.",
     "{Razılaşmanın|Addımların} Yuri Uşakov və Hikmət Hacıyev {arasındakı|tərəfindən aparılan} danışıqlar nəticəsində {əldə olunduğu|əldə edildiyi} bildirilir.",
     "Oktyabrın 19-da Kartavıx Moskvaya {uçub|qayıdıb}."]),
 azc=dict(t=["Ағајев азадлыға бурахылыб"],
  s=["Moskvada həbsdə olan Məmmədəli Ağayev azad edilib və {ailəsinə qovuşub|evinə qayıdıb}.",
     "{İcmamız|Diaspor} {bu xəbəri|xəbəri} {sevinclə|böyük rahatlıqla} qarşılayıb.",
     "{Həmin gün|Eyni gündə} Bakıda İqor Kartavıx ev dustaqlığına keçirilib."]),
 en=dict(t=["Baku, Moscow swap detainees after Dushanbe meeting", "Sputnik executive Kartavykh flies home to Moscow"],
  s=["Sputnik Azerbaijan executive Igor Kartavykh was moved to house arrest in Baku, while Russia freed Azerbaijani citizen Mamedali Agayev, former head of Moscow's Satire Theatre.",
     "The exchange was reportedly negotiated by Kremlin aide Yuri Ushakov and Aliyev's adviser Hikmet Hajiyev.",
     "Kartavykh flew to Moscow on October 19, Zakharova said."]),
 tr=dict(t=["Bakü ve Moskova arasında karşılıklı {serbest bırakma|jest}"],
  s=["Sputnik Azerbaycan'ın icra direktörü Kartavıh ev hapsine alınırken, Moskova'da Azerbaycan vatandaşı Memmedali Agayev serbest bırakıldı.",
     "Kartavıh 19 Ekim'de Moskova'ya döndü; {adım|gelişme} Duşanbe görüşmesinin {ilk somut sonucu|somut meyvesi} olarak {görülüyor|değerlendiriliyor}."]),
),
dict(id="S28", events=["E48", "E49", "E50"], date="2025-12-09", spread=6, n=dict(tr=6, ru=4, en=2),
 tr=dict(t=["BOTAŞ-Gazprom {sözleşmeleri|kontratları} için müzakereler sürüyor", "BOTAŞ, Gazprom ile {sözleşmeyi|anlaşmayı} bir yıl uzattı", "Erdoğan ve Putin telefonda görüştü"],
  s=["Türkiye ile Rusya, yıl sonunda sona erecek yaklaşık 22 milyar metreküplük Gazprom-BOTAŞ {sözleşmelerinin|kontratlarının} uzatılması için müzakere {ediyor|yürütüyor}.",
     "Erdoğan, Putin ile telefonda görüşerek {ikili ilişkileri|iki ülke ilişkilerini} ve Ukrayna'yı ele aldı; İstanbul'un {müzakere|barış} {platformu olmaya hazır olduğunu|ev sahipliğine açık olduğunu} söyledi.",
     "Enerji Bakanı, BOTAŞ'ın TürkAkım ve Mavi Akım üzerinden {alınan|gelen} 21,75 milyar metreküplük {sözleşmeyi|anlaşmayı} bir yıl uzattığını açıkladı."]),
 ru=dict(t=["«Газпром» и BOTAŞ {продлили|продлевают} контракты", "Путин и Эрдоган {поговорили|созвонились} об Украине"],
  s=["Россия и Турция {ведут переговоры|договариваются} о продлении контрактов «Газпрома» и BOTAŞ объёмом около 22 млрд кубометров в год.",
     "{В декабре|9 декабря} министр энергетики Турции {сообщил|объявил}, что BOTAŞ продлила {контракт|договор} ещё на год.",
     "{В Кремле|Кремль} после {разговора|звонка} Путина и Эрдогана {сообщили|отметили}, что стороны {условились|договорились} {активизировать|усилить} контакты по Украине."]),
 en=dict(t=["Turkey extends Gazprom gas contract for a year"],
  s=["Turkey's energy minister said BOTAS had extended its 21.75 bcm contract with Gazprom, covering TurkStream and Blue Stream, for one year.",
     "The two countries had been negotiating since November over contracts due to expire at the end of December."]),
),
dict(id="S29", events=["E51"], date="2025-12-25", spread=2, n=dict(ru=3, az=4, en=3, tr=2, fa=2),
 ru=dict(t=["Казахстан {выпустил|опубликовал} промежуточный отчёт по крушению AZAL"],
  s=["{Ровно через год|Спустя год} после катастрофы под Актау казахстанская сторона {опубликовала|представила} промежуточный отчёт о расследовании.",
     "{В документе|В отчёте} {говорится|указано}, что самолёт {повредили|был повреждён} {поражающие элементы|поражающими элементами} боевой части, {принадлежность|происхождение} которой не {установлена|установлено}.",
     "{Взрывчатых веществ|Взрывчатки} на борту, по данным {комиссии|следователей}, не {было|обнаружено}."]),
 az=dict(t=["Aktau faciəsinin ildönümü: Qazaxıstan aralıq hesabat {dərc edib|açıqlayıb}", "AZAL {faciəsindən|qəzasından} bir il keçir"],
  s=["AZAL {faciəsinin|təyyarə qəzasının} ildönümündə Qazaxıstan aralıq hesabatı {ictimaiyyətə təqdim edib|dərc edib}.",
     "Hesabatda təyyarənin {döyüş hissəsinin|döyüş başlığının} zədələyici elementləri ilə {vurulduğu|zədələndiyi}, {göyərtədə|təyyarədə} partlayıcı maddə olmadığı {göstərilib|qeyd olunub}.",
     "{Bakıda|Ölkə üzrə} faciə qurbanlarının xatirəsi {anılıb|yad edilib}."]),
 en=dict(t=["A year after Aktau crash, interim report cites warhead fragments"],
  s=["Kazakh investigators released an interim report on the anniversary of the AZAL crash.",
     "It said the aircraft was damaged by striking elements of a warhead whose origin had not been established and found no explosives on board.",
     "Moscow had already acknowledged in October that its air-defence missiles were involved."]),
 tr=dict(t=["AZAL kazasının yıl dönümünde ara rapor"],
  s=["Kazakistan, AZAL kazasının birinci yıl dönümünde ara raporu yayımladı.",
     "Raporda uçağın, kime ait olduğu belirlenemeyen bir harp başlığının parçalarıyla hasar gördüğü, uçakta patlayıcı bulunmadığı belirtildi."]),
 fa=dict(t=["گزارش میانی قزاقستان درباره سانحه آکتائو"],
  s=["قزاقستان در سالگرد سقوط هواپیمای آزال گزارش میانی تحقیقات را منتشر کرد.",
     "{در این گزارش|بر پایه این گزارش} هواپیما با {ترکش‌های|قطعات} {کلاهک|سرجنگی} که منشأ آن {مشخص نشده|روشن نشده} آسیب دیده و {ماده منفجره‌ای|مواد منفجره} در هواپیما {نبوده است|یافت نشده است}."]),
),
]

# ---- framing, context and off-topic pools ----

# phase: A before the crash, B crash to early 2025, C quiet spring, D crisis from 27 June, E after 7 Oct
FRAMES = {
 ("ru", "ru_state", "A"): ["{Эксперты|Собеседники редакции} {называют|считают} Азербайджан {надёжным|важным} партнёром России на {Каспии|Южном Кавказе}.", "{Товарооборот|Торговля} двух стран, {по оценкам|как отмечают} {аналитиков|экономистов}, {стабильно растёт|остаётся устойчивым}."],
 ("ru", "ru_state", "B"): ["{Политологи|Эксперты} {на федеральных каналах|в студиях} {предупреждают|говорят}, что {раздувание|нагнетание} {темы|истории} {выгодно|на руку} {Западу|западным столицам}, {а не Баку|а не самому Азербайджану}.", "{Ряд|Некоторые} {комментаторов|аналитиков} {видят|усматривают} {за резкостью Баку|в жёсткой риторике Баку} {влияние|подсказку} {Анкары|турецких партнёров} и {Лондона|британских кураторов}.", "{В Москве|На Смоленской площади} {призывают|просят} {не политизировать|не превращать в политику} {трагедию|катастрофу}."],
 ("ru", "ru_state", "D"): ["{Провластные|Лояльные} {комментаторы|эксперты} {описывают|изображают} {курс Баку|демарши Баку} как {часть|элемент} {западного|британского и турецкого} {сценария|плана} по {вытеснению России|выдавливанию России} с Кавказа.", "{На федеральных каналах|В эфире госканалов} {звучат|раздаются} {призывы|предложения} {ответить|наказать} Баку {экономически|ограничением импорта}.", "{Авторы|Ведущие} {ток-шоу|политических программ} {напоминают|твердят}, что {без России|без Москвы} {Азербайджан|Баку} {не получил бы|не имел бы} {своих нынешних позиций|нынешнего веса} в регионе.", "{Некоторые|Отдельные} {депутаты|политики} {называют|величают} Баку {«младшим партнёром Анкары»|инструментом Анкары}."],
 ("ru", "ru_state", "E"): ["{Комментаторы|Эксперты} {в Москве|в государственных СМИ} {теперь|уже} {говорят|пишут} о {прагматичном|деловом} {восстановлении|возвращении} {диалога|отношений}.", "{Тон|Тональность} {федеральных каналов|госэфира} в отношении Баку {заметно|ощутимо} {смягчился|потеплел}."],
 ("ru", "ru_exile", "*"): ["{Наши собеседники|Источники редакции} {допускают|полагают}, что {решение|ставку} {принимали|сделали} не в регионе, а в Москве, {но подтвердить|однако проверить} это {пока нельзя|невозможно}.", "{Версия о самостоятельной игре|Гипотеза об инициативе} {силовых ведомств|СК и ФСБ} {остаётся|пока остаётся} {недоказанной|лишь предположением}.", "{За внешним затишьем|За тишиной}, {по словам наших источников|как говорят наши собеседники}, {стояли|скрывались} {закрытые уголовные дела|закулисные договорённости} и {бизнес-интересы|деловые интересы} {влиятельных|богатых} выходцев из Азербайджана."],
 ("az", "az_gov", "A"): ["{Azərbaycan|Rəsmi Bakı} {qonşu dövlətlərlə|bütün qonşularla} {bərabərhüquqlu|qarşılıqlı hörmətə əsaslanan} münasibətlərə {üstünlük verir|sadiqdir}.", "{İki ölkə arasında|Bakı ilə Moskva arasında} {ticarət dövriyyəsi|iqtisadi əlaqələr} {artmaqdadır|inkişaf edir}."],
 ("az", "az_gov", "B"): ["{Azərbaycan|Bakı} {heç kimin|heç bir dövlətin} {diktəsi|təzyiqi} ilə {razılaşmayacaq|hesablaşmayacaq}, {ədalət|həqiqət} {bərpa olunmalıdır|üzə çıxmalıdır}.", "{Rusiya mətbuatının|Moskva telekanallarının} {təbliğat|dezinformasiya} kampaniyası {Azərbaycan cəmiyyətində|ölkəmizdə} {heç kimi|kimsəni} {inandırmır|aldatmır}."],
 ("az", "az_gov", "D"): ["{Ekspertlərin|Şərhçilərin} fikrincə, {Moskvanın|Kremlin} {davranışı|hərəkətləri} {köhnə imperiya təfəkkürünün|imperiya düşüncəsinin} {təzahürüdür|davamıdır}.", "{Rusiyanın|Moskvanın} {bəzi dairələri|müəyyən dairələri} hələ də {işğalçı düşüncə|işğalçı təfəkkür} ilə {yaşayır|hərəkət edir} və Azərbaycanı {öz arxa bağçası|keçmiş müstəmləkəsi} kimi görmək istəyir.", "{Azərbaycan|Müstəqil Azərbaycan} {heç vaxt|bir daha} {imperiya|Kreml} {şantajına|təzyiqlərinə} boyun əyməyəcək.", "{Rusiya televiziyalarında|Moskvanın telekanallarında} {Azərbaycana qarşı|xalqımıza qarşı} {nifrət|düşmənçilik} {kampaniyası|dalğası} {aparılır|qızışdırılır}."],
 ("az", "az_gov", "E"): ["{Ekspertlər|Şərhçilər} {etirafı|Düşənbə görüşünü} {müsbət addım|irəliyə doğru addım} {sayır|hesab edir}, {lakin|amma} {Moskvanın|Kremlin} {imperiya vərdişlərindən|köhnə vərdişlərindən} {tam əl çəkdiyinə|imtina etdiyinə} {inanmırlar|əmin deyillər}.", "{Bakı|Azərbaycan} {verilən vədlərin|öhdəliklərin} {icrasını|yerinə yetirilməsini} {diqqətlə izləyəcək|gözləyir}."],
 ("az", "az_ind", "*"): ["{Müstəqil|Tənqidi} {ekspertlər|müşahidəçilər} {hər iki tərəfin|iki paytaxtın} {gərginliyi|böhranı} daxili {auditoriya üçün|məqsədlər üçün} {istifadə etdiyini|qızışdırdığını} {düşünür|yazır}.", "{Hakimiyyətə yaxın|Rəsmi} {media|mətbuat} {isə|bu arada} {Rusiyaya qarşı|Moskva əleyhinə} {ritorikanı|tonu} {sərtləşdirir|kəskinləşdirir}."],
 ("en", "wire", "*"): ["{Neither|None of the} {side|parties} {gave|offered} further {details|comment} {on Monday|by late evening|so far}.", "{Relations|Ties} between the two former Soviet republics have {swung|moved} between partnership and {friction|strain} {in recent years|over the past year}.", "Russia {remains|is still} one of Azerbaijan's largest trading partners, {and|while} Azerbaijan {hosts|is home to} {a sizeable|a large} Russian-speaking community."],
 ("en", "ff", "*"): ["{Independent|Local} {analysts|observers} {told|speaking to} {our|this} {service|newsroom} said both governments {use|were using} the dispute {for domestic audiences|to rally audiences at home}.", "{Critics|Rights groups} {note|point out} that Azerbaijan's own {media|press} {space|environment} {remains|is} {tightly controlled|heavily restricted}.", "{Russian|Moscow's} state television {has|had} {cast|framed} Baku's {moves|steps} as {driven by|the work of} {Western|outside} {interests|powers}."],
 ("tr", "tr_gov", "*"): ["{Ankara|Türkiye}, {kardeş Azerbaycan'ın|Azerbaycan'ın} {haklı davasında|meşru taleplerinde} {yanında olduğunu|desteğini} {bir kez daha|açıkça} {gösterdi|ifade etti}.", "\"İki devlet, tek millet\" {anlayışıyla|ilkesiyle} {hareket eden|bakan} {Türkiye|Ankara}, {gelişmeleri|süreci} {yakından takip ediyor|dikkatle izliyor}.", "{Uzmanlara göre|Analistlere göre} {Moskova|Kremlin}, {Bakü'nün|Azerbaycan'ın} {bağımsız|egemen} {dış politikasını|tutumunu} {kabullenmekte zorlanıyor|hazmedemiyor}."],
 ("tr", "tr_ind", "*"): ["{Bağımsız|Bazı} {analistler|yorumcular}, {Ankara'nın|Türkiye'nin} {hem Bakü hem Moskova ile|iki başkentle de} {ilişkilerini dengelemek zorunda olduğunu|denge gözetmesi gerektiğini} {hatırlatıyor|vurguluyor}.", "{Türkiye'nin|Ankara'nın} {Rus gazına|Rusya'ya enerjide} {bağımlılığı|bağımlılığının} {hesaba katılmalı|göz ardı edilmemeli}, {diyorlar|görüşü öne çıkıyor}."],
 ("fa", "fa_state", "*"): ["{ایران|جمهوری اسلامی} {همواره|بارها} بر {حل اختلافات|حل‌وفصل اختلاف‌ها} {از راه گفت‌وگو|از مسیر دیپلماسی} {میان همسایگان|در منطقه} تأکید کرده است.", "{کارشناسان|ناظران} {هشدار می‌دهند|یادآور می‌شوند} که {حضور|دخالت} {بازیگران فرامنطقه‌ای|قدرت‌های خارجی} {به ثبات|به امنیت} قفقاز {آسیب می‌زند|لطمه می‌زند}.", "{تهران|ایران} {تحولات|رویدادها} {را|ی روابط باکو و مسکو را} {با دقت|به‌دقت} {دنبال می‌کند|زیر نظر دارد}."],
 ("fa", "fa_exile", "*"): ["{تحلیلگران مستقل|ناظران خارج از کشور} {معتقدند|می‌گویند} {تهران|حکومت ایران} {از سردی|از تیرگی} روابط باکو و مسکو {نگران|در هراس} است.", "{رسانه‌های رسمی|رسانه‌های حکومتی} ایران {در پوشش|در بازتاب} این {تنش|ماجرا} {بسیار محتاط|با احتیاط} {عمل می‌کنند|بوده‌اند}."],
}

OFFTOPIC = {
 "ru": [("Погода: на {выходных|неделе} {ожидается|прогнозируется} {похолодание|потепление}", ["Синоптики {обещают|прогнозируют} {резкое|заметное} {похолодание|изменение погоды} в {центральных регионах|европейской части страны} уже к {выходным|концу недели}.", "Ночью температура {опустится|может опуститься} до {минус {n}|{n} градусов ниже нуля}, днём {ожидается|возможен} {мокрый снег|дождь со снегом}.", "{Водителей|Автомобилистов} {просят|призывают} {сменить резину|не выезжать без необходимости} и {соблюдать дистанцию|быть внимательнее на дорогах}.", "{Коммунальные службы|Городские службы} {переведены|работают} в {усиленный режим|режим повышенной готовности}."]),
        ("Футбол: {лидер|фаворит} {потерял очки|сыграл вничью} в {гостях|выездном матче}", ["{Лидер|Первая команда} чемпионата {неожиданно|сенсационно} {потерял|упустил} очки в {гостевом|выездном} матче, {сыграв|завершив игру} {вничью|со счётом {n}:{n}}.", "{Хозяева|Соперники} {отыгрались|сравняли счёт} на {последних минутах|исходе встречи} после {углового|стандарта}.", "{Главный тренер|Наставник} {гостей|команды} {посетовал|пожаловался} на {плотный график|усталость игроков}.", "{Следующий тур|Очередной тур} {пройдёт|состоится} {на следующих выходных|через неделю}."]),
        ("Ключевая ставка и рубль: {чего ждать|что говорят аналитики}", ["{Аналитики|Экономисты} {ожидают|прогнозируют}, что {регулятор|Центробанк} {сохранит|оставит без изменений} ключевую ставку на {ближайшем|очередном} заседании.", "{Курс рубля|Рубль} {на неделе|в последние дни} {колебался|держался} в {узком|привычном} диапазоне.", "{Инфляция|Рост цен}, по {оценкам|данным} {ведомства|статистики}, {замедляется|снижается} {медленнее ожиданий|постепенно}.", "{Банки|Крупные банки} {уже|заранее} {снижают|пересматривают} ставки по вкладам."])],
 "az": [("Hava: {həftəsonu|sabah} {küləkli|yağışlı} olacaq", ["{Sinoptiklər|Milli Hidrometeorologiya Xidməti} {həftəsonu|sabah} Bakı və Abşeron yarımadasında {güclü şimal küləyi|xəzri} {əsəcəyini|gözlənildiyini} bildirir.", "{Havanın temperaturu|Temperatur} gecə {n}–{n}, gündüz {n}–{n} dərəcə isti olacaq.", "{Dağlıq rayonlarda|Bəzi rayonlarda} {yağıntı|qar} {ehtimalı var|gözlənilir}.", "{Sürücülərə|Vətəndaşlara} ehtiyatlı olmaq tövsiyə {edilir|olunur}."]),
        ("Premyer Liqa: {liderin|çempionun} inamlı qələbəsi", ["{Premyer Liqanın|Çempionatın} {növbəti|{n}-ci} turunda {lider|çempion} {komanda|klub} {rəqibini|qonağını} {n}:0 hesabı ilə məğlub edib.", "{Qolları|Topları} {ikinci hissədə|fasilədən sonra} {vurulub|vurulan} {hücumçular|legionerlər} {fərqləniblər|müəllifi olub}.", "{Baş məşqçi|Məşqçi} {oyundan sonra|matçdan sonra} {komandanın|futbolçuların} {intizamını|oyununu} {tərifləyib|yüksək qiymətləndirib}.", "{Növbəti|Gələn} {həftə|tur} {komanda|klub} {səfərdə|öz meydanında} oynayacaq."]),
        ("Bakıda {caz|muğam} festivalı {başlayır|açılır}", ["{Paytaxtda|Bakıda} {ənənəvi|beynəlxalq} {caz|muğam} festivalı {açılır|start götürür}.", "Festival {çərçivəsində|proqramında} {n} {konsert|tədbir} {nəzərdə tutulub|keçiriləcək}.", "{Biletlər|Giriş biletləri} {onlayn|kassalarda} satışa {çıxarılıb|buraxılıb}.", "{Təşkilatçılar|Festivalın rəhbərliyi} {gənc ifaçılara|yerli musiqiçilərə} {xüsusi yer ayrıldığını|geniş imkan yaradıldığını} deyir."])],
 "en": [("Oil prices {edge higher|slip} {as traders weigh supply|ahead of OPEC+ meeting}", ["Oil prices {edged higher|slipped} on {Tuesday|Wednesday|Thursday} as traders {weighed|assessed} supply {signals|risks} ahead of {a|the} {producers' meeting|OPEC+ meeting}.", "Brent crude {traded|hovered} {around|near} ${n} a barrel {in early trading|by midday}.", "{Analysts|Traders} said {demand|consumption} {in Asia|in China} {remained|stayed} the {main|biggest} {uncertainty|question}.", "{Azerbaijan's|Kazakhstan's} {budget|state budget} {assumes|is based on} a {more conservative|lower} price."]),
        ("Caspian {heatwave|dust storm} {disrupts|hits} {traffic|flights} in {Aktau|Baku}", ["{A heatwave|Strong winds} {hit|swept} the Caspian coast {this week|on Monday}, {with|bringing} temperatures {above|near} {n} degrees Celsius.", "{Authorities|Local officials} {urged|advised} residents to {stay indoors|avoid outdoor work} {during|in} the {afternoon|hottest hours}.", "{Some|Several} {flights|ferry sailings} {were delayed|faced delays}, {operators|airport officials} said.", "{Forecasters|Meteorologists} expect {relief|conditions to ease} by the {weekend|end of the week}."]),
        ("Wrestlers {win|collect} medals at {European|world} championships", ["{Wrestlers|Athletes} from {the region|Azerbaijan, Georgia and Kazakhstan} {won|collected} {n} medals at the {European|world} championships {over the weekend|this week}.", "{Two|Three} of the {titles|gold medals} {came|were won} in the {freestyle|Greco-Roman} {events|categories}.", "{Coaches|Team officials} said {the results|the haul} {were|was} the {best|strongest} in {years|several seasons}.", "The {next|upcoming} {tournament|stage} {takes place|is scheduled} in {spring|the autumn}."])],
 "tr": [("Süper Lig'de {derbi|haftanın maçı} {heyecanı|nefes kesti}", ["Süper Lig'in {n}. haftasında {oynanan|yapılan} {derbide|kritik maçta} {kazanan çıkmadı|ev sahibi {n}-{n} kazandı}.", "{Maçın|Karşılaşmanın} {ilk yarısında|ikinci yarısında} {kırmızı kart|penaltı} {kararı|pozisyonu} {tartışma yarattı|gündeme oturdu}.", "{Teknik direktör|Hoca} {maç sonunda|basın toplantısında} {hakem kararlarını|oyuncularının performansını} {eleştirdi|değerlendirdi}.", "{Lig|Yarış} {zirvesinde|tepesinde} {puan farkı|fark} {kapandı|açıldı}."]),
        ("Meteoroloji'den {kuvvetli yağış|fırtına} uyarısı", ["Meteoroloji Genel Müdürlüğü, {Karadeniz|Marmara} {kıyıları|bölgesi} için {kuvvetli yağış|fırtına} {uyarısında bulundu|uyarısı yaptı}.", "{Rüzgârın|Yağışın} {yer yer|zaman zaman} {etkili olması|kuvvetlenmesi} bekleniyor.", "{Vatandaşların|Sürücülerin} {sel|su baskını} ve {ulaşımda aksama|trafik} {risklerine karşı|ihtimaline karşı} {dikkatli olmaları|tedbirli olmaları} istendi.", "{Sıcaklıkların|Hava sıcaklığının} {mevsim normallerinin altına|{n} derece} {düşmesi|inmesi} {öngörülüyor|bekleniyor}."]),
        ("Enflasyon verisi {açıklandı|beklentilerin altında kaldı}", ["TÜİK'in açıkladığı verilere göre yıllık enflasyon {geçen ayın altına indi|yüzde {n} seviyesinde gerçekleşti}.", "{Ekonomistler|Piyasa uzmanları}, {Merkez Bankası'nın|faiz patikasının} {temkinli|kademeli} {duruşunu koruyacağını|ilerleyeceğini} {öngörüyor|tahmin ediyor}.", "{Gıda|Konut} {fiyatlarındaki|kalemlerindeki} artış {dikkat çekti|öne çıktı}.", "{Borsa İstanbul|Piyasalar} {günü|haftayı} {yükselişle|yatay} {kapattı|tamamladı}."])],
 "fa": [("پیش‌بینی {بارش|کاهش دما} در {تهران|نیمه شمالی کشور}", ["{سازمان هواشناسی|هواشناسی کشور} {برای|در} {روزهای آینده|آخر هفته} {بارش باران|کاهش محسوس دما} در {تهران و استان‌های شمالی|نیمه شمالی کشور} پیش‌بینی کرده است.", "{دمای هوای تهران|دمای پایتخت} {به|تا} {n} درجه {کاهش می‌یابد|می‌رسد}.", "{رانندگان|مسافران} {باید|بهتر است} {از سفرهای غیرضروری خودداری کنند|تجهیزات زمستانی همراه داشته باشند}.", "{کیفیت هوا|آلودگی هوا} {با وزش باد|با این تغییرات} {بهبود می‌یابد|کاهش پیدا می‌کند}."]),
        ("لیگ برتر: {پیروزی|توقف} {صدرنشین|مدافع عنوان}", ["{صدرنشین|مدافع عنوان} لیگ برتر در هفته {n} {با یک گل|با نتیجه {n} بر صفر} {برابر|مقابل} حریف {پیروز شد|به برتری رسید}.", "{تنها گل بازی|گل پیروزی} در {دقایق پایانی|نیمه دوم} {به ثمر رسید|زده شد}.", "{سرمربی|مربی} {تیم|باشگاه} {پس از بازی|در نشست خبری} از {روحیه|تلاش} بازیکنان {تقدیر کرد|تعریف کرد}.", "{رقابت|جدال} {برای قهرمانی|در صدر جدول} {نزدیک‌تر|داغ‌تر} {شده است|از همیشه است}."]),
        ("{جشنواره|نمایشگاه} {کتاب|فیلم} {با استقبال|با حضور} {گسترده|علاقه‌مندان} {برگزار شد|آغاز شد}", ["{دوره تازه|دوره جدید} {جشنواره|نمایشگاه} {کتاب|فیلم} در {تهران|مشهد} {آغاز شد|کار خود را شروع کرد}.", "{بیش از|حدود} {n} {ناشر|اثر} در {این دوره|این رویداد} {حضور دارند|شرکت کرده‌اند}.", "{برگزارکنندگان|دبیرخانه} {از|درباره} {استقبال|حضور} {خانواده‌ها|جوانان} {ابراز رضایت کردند|خبر دادند}.", "{این رویداد|برنامه‌ها} تا {پایان هفته|چند روز آینده} ادامه دارد."])],
}


ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyadwatch" / "examples" / "russia-azerbaijan"
STARTER = ROOT / "src" / "dyadwatch" / "examples" / "starter"
SEED = 20251010

# slug, name, domain, country, lang, platform, ownership, owner_group, alignment, location, credibility, stance, tz, authors
OUTLETS = [
 ("nc", "Neva Courier", "neva-courier.example", "RUS", "ru", "web", "state", "Sever Media Holding", "pro-Kremlin", "domestic", "medium", "ru_state", 3, ["Артём Ложкин", "Галина Первушина"]),
 ("ve", "Volga Evening", "volga-evening.example", "RUS", "ru", "web", "state", "Sever Media Holding", "pro-Kremlin (state TV)", "domestic", "low", "ru_state", 3, ["Денис Образцов", "Юлия Сенникова"]),
 ("uh", "Ural Herald", "ural-herald.example", "RUS", "ru", "web", "state-affiliated", "Sever Media Holding", "pro-Kremlin (regional)", "domestic", "medium", "ru_state", 5, ["Павел Куделин"]),
 ("dm", "Delovoy Meridian", "delovoy-meridian.example", "RUS", "ru", "web", "state-affiliated", "Meridian Invest (private, pro-government)", "pro-government business", "domestic", "medium", "ru_state", 3, ["Ольга Темирова", "Кирилл Заозёрный"]),
 ("ker", "Kavkaz Exile Review", "kavkaz-exile.example", "RUS", "ru", "web", "independent", "Kavkaz Exile Review (editorial collective)", "critical of Kremlin", "exile", "medium", "ru_exile", 2, ["Аслан Джантемиров", "Мадина Оздоева"]),
 ("ks", "@kaspi_signal", "tg.example", "RUS", "ru", "telegram", "independent", "anonymous channel", "pro-Kremlin (anonymous)", "domestic", "low", "ru_state", 3, ["kaspi_signal (admin)"]),
 ("cl", "Caspian Ledger", "caspian-ledger.example", "AZE", "az", "web", "state", "Xəzər Media Holding", "pro-government", "domestic", "medium", "az_gov", 4, ["Aytən Mirzəbəyli", "Rauf Həşimzadə"]),
 ("bn", "Bakı Nəbzi", "baki-nebzi.example", "AZE", "az", "web", "state-affiliated", "Xəzər Media Holding", "pro-government", "domestic", "low", "az_gov", 4, ["Könül Abbasqızı", "Elvin Qaraşlı"]),
 ("at", "Abşeron TV", "abseron-tv.example", "AZE", "az", "web", "state", "Xəzər Media Holding", "pro-government (state TV)", "domestic", "low", "az_gov", 4, ["Xəbərlər şöbəsi"]),
 ("as", "Açıq Söz", "aciq-soz.example", "AZE", "az", "web", "independent", "Açıq Söz (independent)", "critical of government", "exile", "medium", "az_ind", 2, ["Leyla Zərdabli"]),
 ("uab", "Ural Azerbaijanis Bulletin", "ural-azeri.example", "RUS", "az-Cyrl", "web", "independent", "diaspora association", "diaspora, pro-Baku", "foreign", "low", "az_gov", 5, ["Елшән Гулијев"]),
 ("sw", "Steppe Wire", "steppe-wire.example", "GBR", "en", "web", "independent", "Steppe Wire Ltd", "neutral (international wire)", "foreign", "high", "wire", 0, ["Hannah Ostrander", "Daniyar Seitkali", "Marek Lindqvist"]),
 ("ap", "Aral Post", "aral-post.example", "KAZ", "en", "web", "state-affiliated", "Aral Media Group", "neutral (regional)", "foreign", "medium", "wire", 5, ["Aral Post staff", "Gulnara Temirkhan"]),
 ("cor", "Caucasus Open Radio", "caucasus-open-radio.example", "USA", "en", "web", "foreign", "Caucasus Open Media Trust (publicly funded abroad)", "pro-Western", "foreign", "medium", "ff", 0, ["Nino Abashidze", "Tural Ismayilzade"]),
 ("bd", "Bosphorus Daily", "bosphorus-daily.example", "TUR", "tr", "web", "state-affiliated", "Marmara Medya Grubu", "pro-government", "domestic", "medium", "tr_gov", 3, ["Selin Karaağaçlı", "Murat Tezcanlı"]),
 ("hh", "Haliç Haber Hattı", "halic-haber.example", "TUR", "tr", "web", "state-affiliated", "Marmara Medya Grubu", "pro-government", "domestic", "low", "tr_gov", 3, ["Haber Merkezi"]),
 ("ka", "Kuzey Ajans", "kuzey-ajans.example", "TUR", "tr", "web", "state", "Kuzey Ajans (state agency)", "pro-government", "domestic", "medium", "tr_gov", 3, ["Emre Akçalı", "Dilek Sarıoğlu"]),
 ("kk", "Kırmızı Kalem", "kirmizi-kalem.example", "TUR", "tr", "web", "independent", "Kırmızı Kalem (reader-funded)", "independent", "domestic", "medium", "tr_ind", 3, ["Berk Ilgaz"]),
 ("tm", "Tehran Mirror", "tehran-mirror.example", "IRN", "fa", "web", "state", "Sepehr Media Organisation", "state line", "domestic", "low", "fa_state", 3.5, ["نسرین شاکری‌فر", "امید رحیم‌پور"]),
 ("pgr", "Persian Gulf Review", "persian-gulf-review.example", "IRN", "fa", "web", "state-affiliated", "Sepehr Media Organisation", "state line (TV-affiliated)", "domestic", "low", "fa_state", 3.5, ["بهرام صدری‌نیا"]),
 ("zo", "Zagros Online", "zagros-online.example", "IRN", "fa", "web", "independent", "Zagros Online (exile)", "critical of government", "exile", "medium", "fa_exile", 0, ["شیرین کاوه"]),
]
O = {o[0]: o for o in OUTLETS}
# The registry's alignment vocabulary (pro-government, opposition, neutral, unknown) for each profile above.
REGISTRY_ALIGNMENT = {
    "pro-Kremlin": "pro-government", "pro-Kremlin (state TV)": "pro-government", "pro-Kremlin (regional)": "pro-government",
    "pro-Kremlin (anonymous)": "pro-government", "pro-government business": "pro-government",
    "pro-government": "pro-government", "pro-government (state TV)": "pro-government", "state line": "pro-government",
    "state line (TV-affiliated)": "pro-government", "critical of Kremlin": "opposition",
    "critical of government": "opposition", "independent": "neutral", "neutral (international wire)": "neutral",
    "neutral (regional)": "neutral", "diaspora, pro-Baku": "unknown", "pro-Western": "unknown",
}
BY_LANG = {"ru": ["nc", "ve", "uh", "dm", "ker", "ks", "nc", "ve"], "az": ["cl", "bn", "at", "as", "cl", "bn"],
           "azc": ["uab"], "en": ["sw", "ap", "cor", "sw"], "tr": ["bd", "hh", "ka", "kk", "bd"], "fa": ["tm", "pgr", "zo", "tm"]}
GROUPS = {"Sever Media Holding": ["nc", "ve", "uh"], "Xəzər Media Holding": ["cl", "bn", "at"],
          "Marmara Medya Grubu": ["bd", "hh"], "Sepehr Media Organisation": ["tm", "pgr"]}
LANG_SCALE = {"ru": 1.45, "az": 1.1, "azc": 1.0, "en": 1.55, "tr": 1.35, "fa": 1.85}

AZ2CYR = dict(zip("abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ",
                  "абҹчдеәфҝғһхыижкглмноөпрсштуүвјзАБҸЧДЕӘФҜҒҺХЫИЖКГЛМНОӨПРСШТУҮВЈЗ"))
AZ2CYR["İ"] = "И"


def to_cyr(s):
    return "".join(AZ2CYR.get(c, c) for c in s)


def expand(s, rng):
    def rep(m):
        return rng.choice(m.group(1).split("|"))
    prev = None
    while prev != s:
        prev, s = s, re.sub(r"\{([^{}]*)\}", rep, s)
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"  +", " ", s)).strip()


def fill_n(s, rng):
    return re.sub(r"\{n\}", lambda m: str(rng.randint(2, 30)), s)


def phase(d):
    if d < datetime(2024, 12, 25, tzinfo=d.tzinfo): return "A"
    if d < datetime(2025, 3, 1, tzinfo=d.tzinfo): return "B"
    if d < datetime(2025, 6, 27, tzinfo=d.tzinfo): return "C"
    if d < datetime(2025, 10, 7, tzinfo=d.tzinfo): return "D"
    return "E"


def frames_for(lang, stance, ph):
    for key in ((lang, stance, ph), (lang, stance, {"C": "B"}.get(ph, ph)), (lang, stance, "*")):
        if key in FRAMES:
            return FRAMES[key]
    return []


def tzinfo_for(slug, d):
    off = O[slug][12]
    if slug in ("ker",):
        off = 3 if 4 <= d.month <= 10 else 2
    if off == 0:
        return timezone.utc
    return timezone(timedelta(hours=int(off), minutes=int(round((off % 1) * 60))))


def slugify(s):
    s = s.lower()
    tr = {"ə": "e", "ı": "i", "ğ": "g", "ş": "s", "ç": "c", "ö": "o", "ü": "u", "ä": "a"}
    ru = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
    out = "".join(tr.get(c, ru.get(c, c)) for c in s)
    out = re.sub(r"[^a-z0-9]+", "-", out).strip("-")
    if len(out) < 6:
        return ""
    return "-".join(out.split("-")[:7])


class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.counters = Counter()

    def pick_time(self, date, spread, slug):
        rng = self.rng
        base = datetime.fromisoformat(date)
        day = min(int(rng.expovariate(2.2 / max(spread, 1)) if spread > 3 else rng.randint(0, max(spread - 1, 0))), max(spread - 1, 0))
        tz = tzinfo_for(slug, base)
        return datetime(base.year, base.month, base.day, rng.randint(7, 22), rng.choice([0, 5, 12, 20, 27, 34, 41, 48, 55]), tzinfo=tz) + timedelta(days=day)

    def compose(self, pool, lang, slug, when, nmin=400):
        rng = self.rng
        stance = O[slug][11]
        sents = pool["s"]
        lead = expand(rng.choice(sents[:2]), rng)
        details = [expand(s, rng) for s in sents[2:]]
        rng.shuffle(details)
        k = rng.randint(max(1, len(details) - 2), len(details)) if details else 0
        body = [lead] + details[:k]
        fr = [expand(s, rng) for s in frames_for(lang if lang != "azc" else "az", stance, phase(when))]
        rng.shuffle(fr)
        if fr and rng.random() < 0.75:
            body.insert(rng.randint(min(2, len(body)), len(body)), fr.pop())
        while len(" ".join(body)) < nmin and (details[k:] or fr):
            if details[k:]:
                body.append(details[k]); k += 1
            else:
                body.append(fr.pop())
        if len(" ".join(body)) < nmin:
            lk = lang if lang != "azc" else "az"
            extra = [expand(x, rng) for key, v in sorted(FRAMES.items()) if key[0] == lk and (key[2] in ("*", phase(when))) for x in v]
            rng.shuffle(extra)
            while len(" ".join(body)) < nmin and extra:
                e = extra.pop()
                if e not in body:
                    body.append(e)
        if len(body) > 8:
            body = body[:8]
        text = " ".join(body)
        while len(text) > 1500 and len(body) > 3:
            body.pop(); text = " ".join(body)
        return text

    def make(self, story, lang, slug, when=None, pool=None, offtopic=False):
        rng = self.rng
        pool = pool or story[lang]
        when = when or self.pick_time(story["date"], story["spread"], slug)
        title = expand(rng.choice(pool["t"]), rng)
        text = self.compose(pool, lang, slug, when)
        if offtopic:
            title, text = fill_n(title, rng), fill_n(text, rng)
        if lang == "azc":
            title, text = title if re.search("[а-яә]", title.lower()) else to_cyr(title), to_cyr(text)
        if slug == "sw" and rng.random() < 0.6:
            city = rng.choice(["BAKU", "MOSCOW", "ALMATY", "TBILISI"])
            text = f"{city}, {when.strftime('%b')} {when.day} (Steppe Wire) – " + text
        self.counters[slug] += 1
        did = f"{slug}-{self.counters[slug]:04d}"
        o = O[slug]
        seg = {"ru": "", "az": "az/", "en": "world/", "tr": "dunya/", "fa": "fa/siasi/", "azc": "xeberler/"}[lang]
        if slug == "ks":
            url = f"https://tg.example/kaspi_signal/{1000 + self.counters[slug] * 37}"
        else:
            tail = slugify(title) or did
            url = f"https://{o[2]}/{seg}{when:%Y/%m/%d}/{tail}"
        lang_code = "az-Cyrl" if lang == "azc" else lang
        doc = {"id": did, "url": url, "title": title, "text": text, "published": when.isoformat(timespec="seconds")}
        if rng.random() < 0.3:
            doc["language"] = lang_code
        doc.update({"source": o[1], "platform": o[5], "author": rng.choice(o[13]), "synthetic": True})
        doc["_lang"] = lang_code
        doc["_story"] = story["id"] if story else "OFF"
        return doc


def build_docs(b):
    docs = []
    for st in STORIES:
        for lang, n in st["n"].items():
            n = max(1, round(n * LANG_SCALE[lang]))
            outs = BY_LANG[lang]
            start = b.rng.randrange(len(outs))
            for i in range(n):
                slug = outs[(start + i) % len(outs)]
                docs.append(b.make(st, lang, slug))
    # off-topic items, spread evenly over the period
    months = [(2024, m) for m in (10, 11, 12)] + [(2025, m) for m in range(1, 13)]
    share = {"ru": 21, "az": 15, "en": 14, "tr": 10, "fa": 10}
    for lang, cnt in share.items():
        for i in range(cnt):
            y, m = months[(i * 7 + len(lang)) % len(months)]
            topic = OFFTOPIC[lang][i % len(OFFTOPIC[lang])]
            pool = {"t": [topic[0]], "s": topic[1]}
            slug = BY_LANG[lang][i % len(BY_LANG[lang])]
            if slug == "ks":
                slug = "nc"
            d = b.rng.randint(1, calendar.monthrange(y, m)[1])
            when = datetime(y, m, d, b.rng.randint(8, 21), b.rng.choice([0, 15, 30, 45]), tzinfo=tzinfo_for(slug, datetime(y, m, d)))
            docs.append(b.make({"id": "OFF"}, lang, slug, when=when, pool=pool, offtopic=True))
    return docs


def _shingles(t):
    w = re.findall(r"\w+", t.lower())
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def prune_near_dupes(docs, limit=0.4):
    """Drop unintended near-copies (only the syndication step may create those)."""
    kept, sh = [], []
    for d in docs:
        s = _shingles(d["title"] + " " + d["text"])
        if any(len(s & o) / len(s | o) >= limit for o in sh):
            continue
        kept.append(d)
        sh.append(s)
    return kept


def syndicate(b, docs):
    rng = b.rng
    groups_out = []
    cands = [d for d in docs if d["_story"] != "OFF" and any(d["id"].split("-")[0] in g for g in GROUPS.values())]
    rng.shuffle(cands)
    used = set()
    extra = []
    for d in cands:
        if len(groups_out) >= 24:
            break
        if d["_story"] in used and rng.random() < 0.5:
            continue
        slug = d["id"].split("-")[0]
        gname = next(g for g, m in GROUPS.items() if slug in m)
        sisters = [s for s in GROUPS[gname] if s != slug]
        rng.shuffle(sisters)
        sisters = sisters[: rng.randint(1, len(sisters))]
        members = [d["id"]]
        t0 = datetime.fromisoformat(d["published"])
        for s in sisters:
            c = dict(d)
            b.counters[s] += 1
            c["id"] = f"{s}-{b.counters[s]:04d}"
            sents = re.split(r"(?<=[.!?])\s+", d["text"])
            if len(sents) > 4 and rng.random() < 0.6:
                j = rng.randrange(2, len(sents))
                if len(" ".join(sents[:j] + sents[j + 1:])) >= 400:
                    del sents[j]
            c["text"] = " ".join(sents)
            if rng.random() < 0.5:
                c["title"] = d["title"].rstrip(".") + {"ru": " — подробности", "az": ": təfərrüatlar", "tr": ": ayrıntılar", "fa": "؛ جزئیات"}.get(d["_lang"], "")
            t = t0 + timedelta(minutes=rng.choice([6, 14, 25, 48, 75, 130, 190, 240]))
            c["published"] = t.astimezone(tzinfo_for(s, t)).isoformat(timespec="seconds")
            c["url"] = "https://" + O[s][2] + "/" + d["url"].split("/", 3)[3]
            c["source"], c["author"] = O[s][1], rng.choice(O[s][13])
            extra.append(c)
            members.append(c["id"])
        used.add(d["_story"])
        groups_out.append({"group": f"SY{len(groups_out) + 1:02d}", "owner_group": gname, "story": d["_story"], "lang": d["_lang"], "items": members})
    return docs + extra, groups_out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")


def write_rss(b, path):
    items = []
    for st in STORIES:
        if "ru" in st and len(items) < 25:
            for _ in range(1 if len(items) > 12 else 2):
                items.append(b.make(st, "ru", "nc"))
    items = sorted(items[:25], key=lambda d: d["published"], reverse=True)
    x = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
         "<channel>", "<title>Neva Courier — Политика</title>", "<link>https://neva-courier.example/</link>",
         "<description>Neva Courier (синтетический демо-канал dyadwatch; издание вымышлено)</description>", "<language>ru</language>",
         '<atom:link href="https://neva-courier.example/rss/politika.xml" rel="self" type="application/rss+xml"/>']
    for d in items:
        t = datetime.fromisoformat(d["published"])
        x += ["<item>", f"<title>{html.escape(d['title'])}</title>", f"<link>{d['url']}</link>",
              f'<guid isPermaLink="true">{d["url"]}</guid>', f"<pubDate>{format_datetime(t)}</pubDate>",
              f"<dc:creator>{html.escape(d['author'])}</dc:creator>", f"<description>{html.escape(d['text'])}</description>", "</item>"]
    x += ["</channel>", "</rss>"]
    path.write_text("\n".join(x) + "\n", encoding="utf-8")
    return items


def write_atom(b, path):
    items = []
    for st in STORIES:
        if "en" in st and len(items) < 15 and st["id"] not in ("S02", "S11"):
            items.append(b.make(st, "en", "sw"))
    items = sorted(items[:15], key=lambda d: d["published"], reverse=True)
    up = max(datetime.fromisoformat(d["published"]) for d in items).astimezone(timezone.utc)
    x = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
         "<title>Steppe Wire — World</title>", '<link href="https://steppe-wire.example/world/" rel="alternate"/>',
         '<link href="https://steppe-wire.example/world/atom.xml" rel="self"/>', "<id>https://steppe-wire.example/world/atom.xml</id>",
         f"<updated>{up.isoformat().replace('+00:00', 'Z')}</updated>", "<subtitle>Synthetic demo feed for dyadwatch; the outlet is fictional.</subtitle>"]
    for d in items:
        x += ["<entry>", f"<title>{html.escape(d['title'])}</title>", f'<link href="{d["url"]}" rel="alternate"/>', f"<id>{d['url']}</id>",
              f"<published>{d['published']}</published>", f"<updated>{d['published']}</updated>",
              f"<author><name>{html.escape(d['author'])}</name></author>", f'<summary type="text">{html.escape(d["text"])}</summary>', "</entry>"]
    x.append("</feed>")
    path.write_text("\n".join(x) + "\n", encoding="utf-8")
    return items


PAGE_SPECS = [("S03", "en", "cor"), ("S06", "az", "bn"), ("S07", "ru", "ve"), ("S14", "ru", "uh"), ("S16", "az", "at"),
              ("S19", "tr", "ka"), ("S22", "fa", "tm"), ("S26", "ru", "ker")]
LOCALE = {"ru": "ru_RU", "az": "az_AZ", "en": "en_US", "tr": "tr_TR", "fa": "fa_IR"}
FOOT = {"ru": "Все права защищены.", "az": "Bütün hüquqlar qorunur.", "en": "All rights reserved.", "tr": "Tüm hakları saklıdır.", "fa": "همه حقوق محفوظ است."}
COOKIE = {"ru": "Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим.", "az": "Sayt kukilərdən istifadə edir.",
          "en": "We use cookies to improve your experience.", "tr": "Sitemiz çerez kullanmaktadır.", "fa": "این وب‌سایت از کوکی استفاده می‌کند."}


def write_pages(b, pdir):
    out = []
    st = {s["id"]: s for s in STORIES}
    for sid, lang, slug in PAGE_SPECS:
        d = b.make(st[sid], lang, slug)
        o = O[slug]
        sents = re.split(r"(?<=[.!?])\s+", d["text"])
        paras = [" ".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]
        fname = f"{o[2].split('.')[0]}-{d['published'][:10]}-{d['id']}.html"
        dirattr = ' dir="rtl"' if lang == "fa" else ""
        h = f"""<!DOCTYPE html>
<html lang="{lang}"{dirattr}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(d['title'])} — {html.escape(o[1])}</title>
  <meta name="description" content="{html.escape(sents[0][:160])}">
  <meta name="author" content="{html.escape(d['author'])}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{html.escape(o[1])}">
  <meta property="og:locale" content="{LOCALE[lang]}">
  <meta property="og:title" content="{html.escape(d['title'])}">
  <meta property="og:url" content="{d['url']}">
  <meta property="article:published_time" content="{d['published']}">
  <meta name="synthetic" content="true">
  <!-- synthetic example page for dyadwatch: outlet, author and text are invented -->
  <link rel="canonical" href="{d['url']}">
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <div class="cookie-banner" data-nosnippet><p>{COOKIE[lang]}</p><button>OK</button></div>
  <header><a class="logo" href="https://{o[2]}/">{html.escape(o[1])}</a>
    <nav><ul><li><a href="/politics/">Politics</a></li><li><a href="/economy/">Economy</a></li><li><a href="/region/">Region</a></li><li><a href="/sport/">Sport</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>{html.escape(d['title'])}</h1>
      <p class="byline"><span class="author">{html.escape(d['author'])}</span> · <time datetime="{d['published']}">{d['published'][:16].replace('T', ' ')}</time></p>
""" + "".join(f"      <p>{html.escape(p)}</p>\n" for p in paras) + f"""    </article>
    <aside class="related"><h3>Related</h3><ul><li><a href="https://{o[2]}/archive/">Archive</a></li></ul></aside>
  </main>
  <footer><p>© 2025 {html.escape(o[1])}. {FOOT[lang]}</p>
    <p class="synthetic-notice">SYNTHETIC DEMO — fictional outlet and text generated for the dyadwatch example corpus; not real news.</p></footer>
</body>
</html>
"""
        (pdir / fname).write_text(h, encoding="utf-8")
        d["_file"] = fname
        out.append(d)
    return out


def write_telegram(b, path):
    rng = b.rng
    msgs = []
    mid = 1
    def ts(t):
        return t.strftime("%Y-%m-%dT%H:%M:%S"), str(int(t.timestamp()))
    t0 = datetime(2024, 10, 1, 9, 0, tzinfo=timezone(timedelta(hours=3)))
    ds, du = ts(t0)
    msgs.append({"id": mid, "type": "service", "date": ds, "date_unixtime": du, "actor": "Каспийский сигнал", "actor_id": "channel1987654321", "action": "create_channel", "title": "Каспийский сигнал", "text": "", "text_entities": []})
    ru_stories = [s for s in STORIES if "ru" in s]
    picks = []
    for s in ru_stories:
        picks += [s] * (3 if s["id"] in ("S03", "S06", "S14", "S17", "S18", "S26") else 1)
    picks = picks[:38]
    emo = ["⚡️", "❗️", "🔴", "📌", "‼️"]
    for i, s in enumerate(picks):
        mid += rng.randint(1, 9)
        t = b.pick_time(s["date"], s["spread"], "ks")
        title = expand(rng.choice(s["ru"]["t"]), rng)
        body = " ".join(expand(x, rng) for x in [rng.choice(s["ru"]["s"][:2])] + rng.sample(s["ru"]["s"][1:], 1))
        ds, du = ts(t)
        m = {"id": mid, "type": "message", "date": ds, "date_unixtime": du, "from": "Каспийский сигнал", "from_id": "channel1987654321"}
        if i % 4 == 0:
            ents = [{"type": "plain", "text": rng.choice(emo) + " "}, {"type": "bold", "text": title}, {"type": "plain", "text": "\n\n" + body + "\n\n"},
                    {"type": "hashtag", "text": rng.choice(["#Азербайджан", "#Баку", "#Кавказ"])}]
        elif i % 4 == 1:
            ents = [{"type": "plain", "text": body + " "}, {"type": "text_link", "text": "Подробнее", "href": f"https://neva-courier.example/{t:%Y/%m/%d}/{slugify(title) or 'news'}"}]
        else:
            ents = [{"type": "plain", "text": rng.choice(emo) + " " + title + ". " + body}]
        m["text"] = ents[0]["text"] if len(ents) == 1 else [e["text"] if e["type"] == "plain" else e for e in ents]
        m["text_entities"] = ents
        if i % 7 == 3:
            m["forwarded_from"] = rng.choice(["Уральский вестник", "Neva Courier", "Волжский вечер"])
        if i % 6 == 2:
            et = t + timedelta(minutes=rng.randint(3, 50))
            m["edited"], m["edited_unixtime"] = ts(et)
        msgs.append(m)
        if i == 20:
            mid += 1
            ds, du = ts(t + timedelta(minutes=2))
            msgs.append({"id": mid, "type": "service", "date": ds, "date_unixtime": du, "actor": "Каспийский сигнал", "actor_id": "channel1987654321", "action": "pin_message", "message_id": m["id"], "text": "", "text_entities": []})
    body = sorted(msgs[1:], key=lambda m: int(m["date_unixtime"]))
    last = 1
    for m in body:  # keep ids increasing with time
        last += rng.randint(1, 9)
        m["id"] = last
    for m in body:
        if m["type"] == "service" and m.get("action") == "pin_message":
            prev = [x for x in body if x["type"] == "message" and int(x["date_unixtime"]) <= int(m["date_unixtime"])]
            m["message_id"] = prev[-1]["id"]
    data = {"name": "Каспийский сигнал", "type": "public_channel", "id": 1987654321, "messages": [msgs[0]] + body}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return data


GDELT_NAMES = {"RUS": "RUSSIA", "AZE": "AZERBAIJAN", "IRN": "IRAN", "TUR": "TURKEY", "KAZ": "KAZAKHSTAN", "UKR": "UKRAINE", "USA": "UNITED STATES"}
FIPS = {"RUS": ("RS", "Moscow, Moskva, Russia", "RS48", 55.7522, 37.6156, "-2960561"), "AZE": ("AJ", "Baku, Baki, Azerbaijan", "AJ09", 40.3953, 49.8822, "-2957710"),
        "IRN": ("IR", "Tehran, Tehran, Iran", "IR26", 35.75, 51.5148, "10074674"), "TUR": ("TU", "Ankara, Ankara, Turkey", "TU68", 39.9199, 32.8543, "-736196"),
        "KAZ": ("KZ", "Aktau, Mangghystau, Kazakhstan", "KZ09", 43.65, 51.1667, "-2184389"), "UKR": ("UP", "Kyiv, Kyyiv, Misto, Ukraine", "UP12", 50.4333, 30.5167, "-1044367"),
        "USA": ("US", "Washington, District of Columbia, United States", "USDC", 38.8951, -77.0364, "531871")}


def write_gdelt(b, timeline, path):
    rng = b.rng
    rows = []
    evs = [e for e in timeline if e["date"] <= "2025-12-31"]
    evs = [e for e in evs if e["actor1_code"] in ("RUS", "AZE", "IRN", "TUR") or e["actor2_code"] in ("RUS", "AZE", "IRN", "TUR")][:30]
    gid = 1219000000
    for e in evs:
        gid += rng.randint(3000, 90000)
        d = datetime.fromisoformat(e["date"])
        code = e["cameo_code"]
        root = code[:2]
        base = code[:3]
        quad = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 2, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4, "19": 4, "20": 4}[root]
        doy = d.timetuple().tm_yday
        frac = f"{d.year + doy / 365:.4f}"
        def actor(c):
            return [c, GDELT_NAMES.get(c, c), c, "", "", "", "", "GOV" if c in ("RUS", "AZE", "IRN", "TUR", "UKR", "USA") else "", "", ""]
        def geo(c):
            f = FIPS[c]
            return ["4", f[1], f[0], f[2], "", f"{f[3]:.4f}", f"{f[4]:.4f}", f[5]]
        a1, a2 = e["actor1_code"], e["actor2_code"]
        n_art = rng.randint(4, 60)
        tone = round(rng.uniform(-8.5, -3.0) if e["goldstein"] < 0 else rng.uniform(-2.5, 2.5), 6)
        action_c = "KAZ" if code in ("190", "093") else a1
        added = (d + timedelta(hours=rng.randint(6, 20), minutes=rng.choice([0, 15, 30, 45]))).strftime("%Y%m%d%H%M%S")
        url = f"https://steppe-wire.example/world/{d:%Y/%m/%d}/gdelt-{e['event_id'].lower()}"
        row = [str(gid), d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), frac] + actor(a1) + actor(a2) + \
              ["1", code, base, root, str(quad), f"{e['goldstein']}", str(n_art * 2), str(max(1, n_art // 3)), str(n_art), f"{tone}"] + \
              geo(a1) + geo(a2) + geo(action_c) + [added, url]
        assert len(row) == 61, len(row)
        rows.append("\t".join(row))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    case = Path(sys.argv[1])
    timeline = [json.loads(l) for l in (case / "timeline.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    b = Builder()
    if OUT.exists():
        shutil.rmtree(OUT)
    for sub in ("feeds", "pages", "telegram", "gdelt"):
        (OUT / sub).mkdir(parents=True, exist_ok=True)
    docs = prune_near_dupes(build_docs(b))
    docs, groups = syndicate(b, docs)
    seen = set()
    for d in docs:
        if d["url"] in seen:
            d["url"] = d["url"] + "-" + d["id"].split("-")[1]
        seen.add(d["url"])
    docs.sort(key=lambda d: datetime.fromisoformat(d["published"]))
    write_jsonl(OUT / "documents.jsonl", docs)
    rss = write_rss(b, OUT / "feeds" / "neva-courier.rss")
    atom = write_atom(b, OUT / "feeds" / "steppe-wire.atom")
    pages = write_pages(b, OUT / "pages")
    tg = write_telegram(b, OUT / "telegram" / "result.json")
    gd = write_gdelt(b, timeline, OUT / "gdelt" / "events.export.CSV")
    shutil.copy(STARTER / "events.jsonl", OUT / "events.jsonl")
    with open(OUT / "outlets.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "country", "language", "platform", "ownership", "owner_group", "alignment", "location", "credibility", "citation"])
        for o in OUTLETS:
            w.writerow([o[1], o[3], o[4].split("-")[0], o[5], o[6], o[7], REGISTRY_ALIGNMENT[o[8]], o[9], o[10],
                        "synthetic: fictional outlet"])
    (OUT / "dyadwatch.toml").write_text(TOML, encoding="utf-8")
    stats = {"docs": docs, "groups": groups, "rss": rss, "atom": atom, "pages": pages, "tg": tg, "gdelt": gd}
    (OUT / "README.md").write_text(readme(stats), encoding="utf-8")
    print(f"documents.jsonl {len(docs)}; rss {len(rss)}; atom {len(atom)}; pages {len(pages)}; telegram {len(tg['messages'])}; gdelt {len(gd)}")


TOML = '''# dyadwatch workspace for the bundled synthetic example (Russia–Azerbaijan, Oct 2024 – Dec 2025).
dyads = ["RUS-AZE"]
related_dyads = ["IRN-AZE", "TUR-AZE", "RUS-TUR", "RUS-IRN"]
languages = ["ru", "az", "en", "tr", "fa"]

[workspace]
name = "russia-azerbaijan-example"
database = "sqlite:///dyadwatch.db"

[dedup]
threshold = 0.5
window_days = 14
num_perm = 128
bands = 32
shingle_words = 3

[[sources]]
kind = "registry"
path = "outlets.csv"

[[sources]]
kind = "actors"
path = "actors.yaml"

[[sources]]
kind = "jsonl"
path = "documents.jsonl"
synthetic = true

[[sources]]
kind = "feed"
path = "feeds/neva-courier.rss"
synthetic = true

[[sources]]
kind = "feed"
path = "feeds/steppe-wire.atom"
synthetic = true

[[sources]]
kind = "html"
path = "pages"
synthetic = true

[[sources]]
kind = "telegram-export"
path = "telegram/result.json"
synthetic = true

[[sources]]
kind = "gdelt-events"
path = "gdelt/events.export.CSV"

[[sources]]
kind = "events"
path = "events.jsonl"

[[sources]]
kind = "assessment"
path = "assessment.yaml"

[[sources]]
kind = "context"
path = "context/flights_weekly.csv"
dyad = "RUS-AZE"
name = "flights_weekly_synthetic"

[alerts_delivery]
deliver = ["jsonl:alerts.jsonl"]

[[alerts]]
name = "new-escalation"
kind = "new_phase"

[[alerts]]
name = "corroborated-material-conflict"
kind = "material_conflict"
min_corroboration = 2

[[alerts]]
name = "gdelt-tone-drop"
kind = "tone_drop"
k = 2.0

[[alerts]]
name = "campaign"
kind = "coordination"
threshold = 0.8
wave_days = 3
min_documents = 50
'''


def table(counter, keys, label):
    lines = [f"| {label} | items |", "| --- | ---: |"]
    for k in keys:
        lines.append(f"| {k} | {counter.get(k, 0)} |")
    lines.append(f"| **total** | **{sum(counter.values())}** |")
    return "\n".join(lines)


def readme(s):
    docs = s["docs"]
    langs = Counter(d["_lang"] for d in docs)
    months = Counter(d["published"][:7] for d in docs)
    mkeys = sorted(months)
    fmt_lang = defaultdict(Counter)
    for d in docs: fmt_lang["documents.jsonl"][d["_lang"]] += 1
    for d in s["rss"]: fmt_lang["feeds/neva-courier.rss"]["ru"] += 1
    for d in s["atom"]: fmt_lang["feeds/steppe-wire.atom"]["en"] += 1
    for d in s["pages"]: fmt_lang["pages/"][d["_lang"]] += 1
    fmt_lang["telegram/result.json"]["ru"] = sum(1 for m in s["tg"]["messages"] if m["type"] == "message")
    lk = ["ru", "az", "az-Cyrl", "en", "tr", "fa"]
    ft = ["| format | " + " | ".join(lk) + " | total |", "| --- |" + " ---: |" * (len(lk) + 1)]
    for f, c in fmt_lang.items():
        ft.append(f"| `{f}` | " + " | ".join(str(c.get(l, 0)) for l in lk) + f" | {sum(c.values())} |")
    all_months = Counter(months)
    for coll in (s["rss"], s["atom"], s["pages"]):
        for d in coll: all_months[d["published"][:7]] += 0
    off = sum(1 for d in docs if d["_story"] == "OFF")
    withlang = sum(1 for d in docs if "language" in d)
    gl = "\n".join(f"| {g['group']} | {g['owner_group']} | {g['lang']} | {g['story']} | {', '.join('`%s`' % i for i in g['items'])} |" for g in s["groups"])
    pages = "\n".join(f"| `{d['_file']}` | {d['_lang']} | {d['source']} | {d['published'][:10]} |" for d in s["pages"])
    st_lines = "\n".join(f"| {st['id']} | {st['date']} | {', '.join(st['events']) or '— (follow-up / quiet period)'} | {sum(1 for d in docs if d['_story'] == st['id'])} |" for st in STORIES)
    return f"""# Example corpus: Russia–Azerbaijan, October 2024 – December 2025

The full bundled example of dyadwatch. It follows the project's reference case: relations between
Russia and Azerbaijan from the Kremlin meeting of 8 October 2024, through the AZAL crash near Aktau
(25 December 2024), the quiet months, the Yekaterinburg raids (27 June 2025) and the tit-for-tat of
early July, the Dushanbe meeting and prisoner releases (October 2025), to the de-escalation of
November–December 2025. Load it with `dyadwatch.toml` in this folder.

## SYNTHETIC: everything here is invented

- **Every outlet, author, channel, URL and text is fictional.** No outlet in `outlets.csv` exists;
  each only has the *ownership profile* of a real kind of outlet (state agency, state TV,
  pro-government private, independent, exile, foreign-funded, international wire, Telegram channel).
  No text reproduces or is attributed to a real outlet or journalist.
- The events reported are public; every sentence is the project's own wording. Where a text reports
  what a real official said it paraphrases the public record; commentators, "experts" and "sources"
  quoted are invented. Opinion sentences (framing) are written to give the tone series something to
  measure and are not claims of fact.
- Every JSON item carries `"synthetic": true`; HTML pages carry `<meta name="synthetic" content="true">`
  and a visible "SYNTHETIC DEMO" footer; feeds say so in their description/subtitle. All URLs use the
  reserved `.example` domain. The GDELT rows are **synthetic rows in GDELT 2.0 event format** on real
  timeline dates, not GDELT data; their SOURCEURLs are `.example`.
- The texts are generated by `scripts/build_example_corpus.py` (deterministic, seed {SEED}) from
  hand-written sentence pools with word-level alternatives. **The event coder's gold sentences are
  written separately** and must not be derived from these pools or templates.

## Files

| file | items | what it is |
| --- | ---: | --- |
| `documents.jsonl` | {len(docs)} | the bulk: news items and Telegram posts, one JSON object a line |
| `feeds/neva-courier.rss` | {len(s['rss'])} | RSS 2.0 feed of one outlet (`dc:creator`, RFC 2822 dates) |
| `feeds/steppe-wire.atom` | {len(s['atom'])} | Atom feed of the wire |
| `pages/*.html` | {len(s['pages'])} | saved article pages with nav, cookie banner, footer |
| `telegram/result.json` | {len(s['tg']['messages'])} messages | Telegram Desktop export of the channel «Каспийский сигнал» (@kaspi_signal) |
| `gdelt/events.export.CSV` | {len(s['gdelt'])} | GDELT 2.0 event rows (61 tab-separated columns, no header) — synthetic |
| `events.jsonl` | 52 | the analyst's curated event list (copy of the starter's) |
| `outlets.csv` | {len(OUTLETS)} | outlet profiles |
| `actors.yaml` | — | the workspace's own actors and cited relations between real people and bodies (documented offices; one claim marked `alleged`); written by hand, not by the generator |
| `assessment.yaml` | — | the reference case as an assessment (two hypotheses with observables, evidence rated for ACH, premises, the outlook as a forecast logged on 3 July 2025); written by hand, not by the generator |
| `context/flights_weekly.csv` | — | a weekly context series shown beside the ledger — invented (synthetic), not flight data; written by hand, not by the generator |
| `dyadwatch.toml` | — | workspace config wiring up all of the above, and four alert rules (delivered to `alerts.jsonl`) |

Feed, page and Telegram items are separate items (own ids/URLs), not copies of `documents.jsonl` lines.

`documents.jsonl` fields: `id`, `url`, `title`, `text` (3–8 sentences, 400–1,500 characters),
`published` (ISO 8601 with the outlet's offset: Moscow/Türkiye `+03:00`, Baku `+04:00`,
Yekaterinburg/Aktau `+05:00`, Tehran `+03:30`, Riga `+02:00`/`+03:00`, wire `+00:00`),
`source`, `platform` (`web`/`telegram`), `author`, `synthetic`. Only {withlang} of {len(docs)} items carry
`language`; the rest must be detected. Items are sorted by publication time.

## Languages

{chr(10).join(ft)}

Azerbaijani in Cyrillic script (`az-Cyrl`) comes from the diaspora bulletin.

## Months (documents.jsonl)

{table(months, mkeys, 'month')}

Rhythm: a few items a week in October–November 2024; a burst from 25 December 2024 lasting into
January; the Russian House / Sputnik / Kazakh report items of February; thin coverage in March–June
(quiet months, Pezeshkian's visit to Baku); the largest burst from 27 June 2025 into July; a summer
tail (Shusha forum, forensics, SOCAR depot strikes, Iran's drone claims, Türkiye–Russia energy); a
smaller burst on 7–10 October 2025 and the releases up to 19 October; then de-escalation
(gas contracts, the anniversary report of 25 December 2025).

About {off} items ({round(100 * off / len(docs))} %) are off-topic (weather, football/wrestling,
inflation and oil prices, festivals) from the same outlets.

## Stories

| story | first date | timeline events | items in documents.jsonl (incl. syndicated copies) |
| --- | --- | --- | ---: |
{st_lines}

## Syndication (near-duplicate) groups

Same story published by 2–3 outlets of one owner group, minutes to hours apart, with a changed title
suffix and/or a dropped sentence. The first id is the original.

| group | owner group | language | story | items |
| --- | --- | --- | --- | --- |
{gl}

Different outlets covering the same story draw on shared sentence pools with word-level
alternatives; such pairs can share some phrases but are meant to stay under the dedup threshold.

## Conflicting accounts

- **Crash cause (S03, S06, S07):** Russian state-aligned items mention birds, fog and drone attacks and
  ask to wait for the investigation; Azerbaijani pro-government items say the jet was hit from the
  ground by Russian air defence. Resolved in S26 (Dushanbe, 9 Oct 2025) and S29 (interim report).
- **Yekaterinburg deaths (S14):** Russian items give six detained and a preliminary health-related
  explanation for one death; Azerbaijani and diaspora items give nine detained and say the brothers were
  beaten; S20 carries Baku's forensic finding of torture.
- **Iran and the drones (S13, S15, S22):** Tehran's readout says Aliyev denied the reports; Baku's
  readout omits the subject; Iranian officials later repeat the claim, Baku rejects it.

## Directed tone

- Azerbaijani pro-government outlets (Xəzər Media Holding): firm in early 2025, openly hostile after
  27 June 2025 ("imperiya təfəkkürü", "işğalçı düşüncə"), wary after October.
- Russian state-aligned outlets (Sever Media Holding, Delovoy Meridian, @kaspi_signal): friendly before
  the crash, then Baku's moves framed as Western, British or Turkish designs; softer after Dushanbe.
- Turkish pro-government outlets side with Baku; the independent Turkish outlet stresses balance.
- Iranian state outlets are cautious (dialogue, no outside powers); the exile outlet is critical.

## Pages

| file | language | outlet | published |
| --- | --- | --- | --- |
{pages}

## Telegram export

`telegram/result.json` follows the Telegram Desktop JSON export: `name`, `type` (`public_channel`),
`id`, `messages` with `type` `message`/`service`, `date` (local time, no offset) and `date_unixtime`
as strings, `text` either a string or an array of strings and entity objects, `text_entities`,
some `forwarded_from`, some `edited`/`edited_unixtime`, and two service messages (channel created,
message pinned).

## Regenerating

    python scripts/build_example_corpus.py /path/to/shared/cases/russia-azerbaijan-2024-2025

The script only reads the public timeline to place the synthetic GDELT rows; the product does not
need the shared folder at run time.
"""


if __name__ == "__main__":
    main()
