"""What the `language` check knows of languages: small word lists, the letters
each language alone uses, and the scripts other than the Latin alphabet.

Written by hand for this project from knowledge of the languages (no other
project's lists or language profiles were copied). Each list holds a
language's commonest small words (articles, pronouns, prepositions,
conjunctions, forms of "to be" and "to have") and a few words a comment to a
council is likely to hold ("thank you", "please", "people", "street"). Words
are written as the language spells them; people often type without accents,
so the detector also knows each word without them, unless that is an English
word ("für" and "fur"). A word that is also English never counts as another
language: the detector reads ENGLISH first.
"""

from __future__ import annotations

# Language code (ISO 639-1) → its name in English. The codes of the languages
# a council accepts are named with these in what a moderator reads.
NAMES = {
    "en": "English", "cy": "Welsh", "ga": "Irish", "gd": "Scottish Gaelic", "kw": "Cornish", "gv": "Manx",
    "pl": "Polish", "ro": "Romanian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
    "pt": "Portuguese", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "nl": "Dutch",
    "tr": "Turkish", "sk": "Slovak", "cs": "Czech", "hu": "Hungarian", "sq": "Albanian", "so": "Somali",
    "tl": "Tagalog", "hr": "Croatian", "sr": "Serbian", "bs": "Bosnian", "sl": "Slovenian", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "nn": "Norwegian", "fi": "Finnish",
    "id": "Indonesian", "ms": "Malay", "vi": "Vietnamese", "hi": "Hindi", "ur": "Urdu", "bn": "Bengali",
    "pa": "Punjabi", "gu": "Gujarati", "ta": "Tamil", "te": "Telugu", "kn": "Kannada", "ml": "Malayalam",
    "si": "Sinhala", "mr": "Marathi", "ne": "Nepali", "or": "Odia", "ar": "Arabic", "fa": "Persian",
    "ps": "Pashto", "ku": "Kurdish", "he": "Hebrew", "yi": "Yiddish", "el": "Greek", "ru": "Russian",
    "uk": "Ukrainian", "bg": "Bulgarian", "mk": "Macedonian", "be": "Belarusian", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "th": "Thai", "lo": "Lao", "km": "Khmer", "my": "Burmese",
    "ka": "Georgian", "hy": "Armenian", "am": "Amharic", "ti": "Tigrinya", "sw": "Swahili", "yo": "Yoruba",
    "ig": "Igbo", "ca": "Catalan", "gl": "Galician", "eu": "Basque", "mt": "Maltese", "is": "Icelandic",
    "la": "Latin", "af": "Afrikaans",
}

# English: its small words, and the slang, spellings and abbreviations of
# real comments. A word here is never evidence of another language (many
# are both: "die", "war", "also", "come", "care", "son"), and counts against
# another language being the one written.
ENGLISH = """
a about above across act actually after again against ago ah aha ahh ahead aint all almost alone along already
also although always am among an and another any anybody anyone anything anyway anyways anywhere are aren
around as ask at away aw awe awesome b back bad bae be because become been before behind being below best
better between big bit both bout boy bro bruh but by bye call came can cant cannot car care case cause cos
coz come comes coming could couldn cuz cus d da dad damn dat day days dem den dey did didn die dis do does
doesn doing don done dont down dude each easy eh else em end enough even ever every everyone everything ez
fa far feel few find fine first for found free friend from fuck fucking full fun funny game gave get gets
getting girl give go god goes going gone gon gonna good got gotta great guy guys had hadn haha hahaha half
hand happy hard has hasn hat have haven having he hear heard hell hello help her here hers herself hey hi
him himself his hit hmm ho hoe hold home hope hot house how however huh i id if ill im imma in inside into is
isn it its itself ive jk just keep kid kids kind knew know known last late later least left less let lets
life like lil little live ll lmao lmfao lol long look looks lot love lt m ma mad made make makes making man
mane many may maybe me mean men might mind mine mom more morning most move much must my myself n na nah name
naw near need needs never new next nice night no nobody none nor not nothing now o of off oh ok okay old
omg on once one only or other others our ours out over own oye pay people person place play please plz pls
point pretty put r rather re real really right rn round run s said same saw say says see seem seen self set
shall she shit should shouldn show shut side since sis smh so some someone something sometimes soon sorry
still stop stuff such sure t take talk tell than thank thanks that thats the thee their them themselves
then there these they thing things think this tho those though thought through thx til till time to today
together told tomorrow too took top tryna try turn two u uh um under until up upon ur us use used very ve w
wanna want wants was wasn watch way we well went were weren what whatever when where whether which while
who whole whom whose why wid will wit with without won wont word work world would wouldn wow y ya yah yall
yeah yeh yep yes yet yo you your yours yourself yous yup
act add age ago air ale all also am an ann any are arm art as ask ate bad bag ban bar bat bay bed bee beg
bet bid bin bit bob bog bow box boy bud bug bun bus buy cab cam can cap car cat chi cod con cop cot cow cry
cue cum cup cut dab dad dam day den dew did die dig dim din dip doc doe dog don dot dry due dug dye ear eat
ego elf elm end era eve eye fab fad fan far fat fax fed fee few fig fin fir fit fix flu fly foe fog for fox
fry fun fur gag gal gap gas gay gel gem get gin god got gum gun gut guy gym had ham has hat hay hen her hex
hid him hip his hit hog hop hot how hub hue hug hum hut ice icy ill imp ink inn ion its ivy jab jam jar jaw
jet job jog joy jug keg key kid kin kit lab lad lag lap law lay led leg let lid lie lip lit log lot low mad
man map mat maw may men met mid mix mob mod mom mop mud mug mum nag nap net new nil nip nod nor not now nun
nut oak oar oat odd off oil old one opt orb ore our out owe owl own pad pal pan par pat paw pay pea peg pen
per pet pew pie pig pin pit ply pod pop pot pro pry pub pun pup put rag ram ran rap rat raw ray red rib rid
rig rim rip rob rod rot row rub rug rum run rut sad sag sap sat saw say sea see set sew sex shy sin sip sir
sis sit six ski sky sly sob sod son sow soy spa spy sub sue sum sun tab tag tan tap tar tax tea ten the tie
tin tip toe ton too top tot tow toy try tub tug two use van vat vet via vie vow wad wag war was wax way web
wed wet who why wig win wit woe wok won wow yes yet you zip zoo
able alley also amen anal arse area army auto away baby band bank bare base bath bear beat been beer bell
belt bend best bike bill bind bird bite blow blue boat body bone book boom boot bore born boss both bowl
bull burn bush busy cafe cake call calm came camp card care cash cast cell chat chef chin city clay club
coal coat code coin cold come cook cool cope copy cord core cost crew crop cube cult cure cute dame damp
dare dark data date dawn dead deaf deal dear debt deck deep deer desk dial dice diet dine dire dirt dish
dive dock does doll dome done doom door dose down drag draw drew drop drug drum dual duck dude duke dull
dumb dump dust duty each earn ease east easy echo edge else emit epic even ever evil exam exit face fact
fade fail fair fake fall fame fare farm fast fate fear feed feel feet fell felt file fill film find fine
fire firm fish fist five flag flat fled flew flip flow foam fold folk fond food fool foot form fort foul
four free frog from fuel full fund fury fuse gain gale game gang gate gave gear gift girl give glad glow
glue goal goat goes gold golf gone good gore gown grab gram gray grew grey grid grim grin grip grow gulf
guru gust hack hail hair half hall halt hand hang hard harm hate haul have head heal heap hear heat heel
held hell help herb here hero hide high hike hill hint hire hold hole holy home hood hook hope horn hose
host hour huge hung hunt hurt hush idea idle inch into iron item jail jazz join joke jump jury just keen
keep kick kill kind king kiss kite knee knew knit knot know lace lack lady laid lake lamb lamp land lane
last late lawn lazy lead leaf leak lean leap left lend lens less liar lick life lift like limb lime line
link lion list live load loan lock loft lone long look loop lord lose loss lost loud love luck lump lung
made mail main make male mall many mark mask mass mate math maze meal mean meat meet melt memo mend menu
mere mess mild mile milk mill mind mine mint miss mist mode mole mood moon more most move much must mute
myth nail name navy near neat neck need nest news next nice nine none noon norm nose note noun nude nuts
odds okay once only onto open oral oven over pace pack page paid pain pair pale palm park part pass past
path peak pear peel peer pick pier pile pill pine pink pipe plan play plea plot plug plus poem poet pole
poll pond pony pool poor pope pork port pose post pour pray prey pull pump pure push race rage raid rail
rain rank rape rare rate read real rear rely rent rest rice rich ride ring riot rise risk road roam rock
role roll roof room root rope rose rude ruin rule rush rust safe sage said sail sake sale salt same sand
sane sang save seal seat seed seek seem seen self sell send sent shed ship shoe shop shot show shut sick
side sigh sign silk sing sink site size skin skip slam slap slid slim slip slow snap snow soap soar sock
sofa soft soil sold sole solo some song soon sore sort soul soup sour spin spot star stay stem step stir
stop such suit sung sunk sure swap swim tail take tale talk tall tank tape task taxi team tear tech tell
tend tent term test text than that them then they thin this thus tide tidy tier tile till time tiny tire
toll tomb tone tool tour town trap tray tree trim trio trip true tube tuna tune turn twin type ugly unit
upon urge used user vain vary vast verb very vest veto vice view vote wage wait wake walk wall want ward
warm warn wash vast wave weak wear week well went were west what when whip wide wife wild will wind wine
wing wire wise wish with wolf wood wool word wore work worm worn wrap yard yarn year yell zero zone
bitch bitches nigga niggas nigger hoes pussy ass shit fuck fucked dick trash ghetto hella finna thang
tha dat dis dem dey den wit yall aye ayy lmfaooo nun sum jus cuz ion iont boi ima gon aint gotta bout
non teach comment comments chose meme memes plant dove akin kale barn bent grad tad dank lite halo boa
proto multi pre pres bio mans mums nan nana sus dun inna dere diz iz fo yr yrs wat soo oo ooh yung af ha
hah oi ay bod hos hun er erm op min mon gen dom med sig sen ins biz po ag ac ba ca co com ga ky
od mo ai eu pa bo yt az tri mis ala nam aux sans ova cho ta ty tad dam fe ra tho tru bae fam
bruv innit init mate mates cheers aye nowt owt summat dunno reckon proper wee ken lass lad lads bairn
"""

# Words English has borrowed, words of other languages English speakers use
# on their own ("amigo", "ciao", "merci"), and names and abbreviations that
# are also another language's words ("Kim", "CIA"): evidence of no language.
LOANWORDS = """
amigo amigos amiga bueno chica chico chicas loco gracias hola adios adiós fiesta siesta nada mucho señor
señora senor senora macho mami papi vato ese esa puta putas pinche cabron cabrón cerveza tequila taco
tacos burrito nacho nachos salsa ole olé pronto cafe café ciao bella bello bravo pasta pizza latte mocha
espresso cappuccino diva opera piano solo fresco gusto ballet chic chef cliche cliché decor décor elite
encore entree entrée fiance fiancé genre menu regime régime resume résumé risque risqué salon soiree soirée
suite vogue naive naïve née voila voilà bon bonjour merci oui adieu kaput wunderbar gesundheit über uber
zeitgeist angst kindergarten schadenfreude wanderlust doppelganger doppelgänger diolch croeso cymru
iechyd hiya namaste inshallah mashallah habibi wallah wallahi yalla bismillah alhamdulillah salam salaam
shalom mazel tov kosher chutzpah schmuck klutz glitch guru karma yoga sushi anime manga emoji tsunami
karaoke kung fu feng shui sayonara arigato senpai kawaii ninja samurai tycoon cheers
ben dan kim jim sam ted sean leo jane sara mia ali maya kane meg pam uma jo vic fran jai carson moran
putin daca cia nasa kush imam maine romania toto kkk
"""

# code → its small words, as the language spells them.
WORDS = {
    "cy": """
        yn yr ac ag mae oedd roedd bydd fydd bod wedi ond gyda efo heb gan wrth dros rhwng am ar
        ei ein eich eu dy fy hwn hon hyn hynny yma yna dyma dyna ddim dim nhw chi ni fi ti fe fo hi
        mwy iawn diolch hefyd pob beth pwy pam sut ble lle dw rwy rydw ydw ydy yw ydyn ydych oes sydd
        maen eisiau isio gallu gwneud mynd dod cael gweld heddiw yfory croeso cymraeg cymru gyd rhaid
        angen newydd mawr llawer ychydig erioed byth nawr rŵan rwan felly ynglŷn neu nid nad mai taw
        fawr bore nos prynhawn hwyl plîs os gwelwch dda da chdi fod bobl pobl plant ysgol cyngor sir
        ffordd stryd tref ddinas gwaith amser blwyddyn dydd heno bach rŵan chwarae siarad meddwl
        gwybod gwbl hollol dyw dydw dydy doedd fyddai byddai gallai dylai gennym gennyf gen genna
        iddo iddi iddyn iddynt ohono ohoni arno arni ynddo amdano wnaeth wnes wnaethon
    """,
    "ga": """
        agus tá níl bhí beidh bhfuil atá ní níor ba nach go gur le leis léi leo ag ar do de ó faoi chun
        roimh thar trí idir gan mé tú sé sí muid sinn sibh siad mo ár bhur é í iad liom leat linn libh
        agam agat aige aici againn agaibh acu dom duit dó di dúinn daoibh dóibh seo sin siúd anseo
        ansin ansiúd anois inniu inné amárach riamh choíche tada faic rud éigin duine daoine gach cé
        cad céard cá cathain conas cén fáth mar ach nó má dá mura freisin fós cheana maith olc mór
        beag nua sean raibh míle buíochas dia duit slán thoil baile comhairle obair páistí teach
        bóthar sráid gaeilge éire níos an na
    """,
    "gd": """
        agus tha bha bidh chan eil nach nan nam air aig ann anns le leis do de bho gu gus mu mun ri
        ris ro tro thar fo eadar gun mi thu sinn sibh iad mo ur agam agad aige aice againn agaibh
        aca leam leat leatha leinn leibh leotha dhomh dhut dha dhi dhuinn dhuibh dhaibh seo sin siud
        nis diugh dè màireach daonnan riamh sìon dad rudeigin cuideigin
        uile gach cò dè càite cuin ciamar carson ach no ma mura oir cuideachd fhathast glè math mhath
        dona mòr beag ùr sean tapadh taing mòran halò slàinte feasgar madainn oidhche daoine baile
        comhairle obair clann taigh rathad sràid gàidhlig alba airson chun an am na
    """,
    "pl": """
        nie się jest że jak ale tak już od dla mnie ja ty on ona ono oni jej jego ich nas wam nam
        tym tej ten ta te tego tych temu tu tam tylko bardzo może można być był była było były będzie
        będą są jestem jesteś jesteśmy jesteście ma mam masz mają mamy czy bo gdy kiedy jeśli
        jeżeli więc albo lub oraz ani też także jeszcze teraz dzisiaj dziś wczoraj jutro zawsze nigdy
        nic coś ktoś nikt wszystko wszyscy każdy który która które których dlaczego czemu gdzie przez
        przy pod nad przed za między bez dobrze dobry dobra źle dziękuję dzięki proszę przepraszam
        cześć witam pozdrawiam mój moja moje twój twoja swoje swój nasz nasza nasze wasz wasza sobie
        siebie trzeba chcę chce wiem wie mówi powiedział zrobić robi ludzie dzieci praca pracy domu
        ulica ulicy ulicę gmina gminy rada szkoła nawet prawda właśnie chyba naprawdę jakiś jaki
        jaka jakie ile kto czego czym niż aby żeby sam sama samo cały cała całe inny inna inne nowy
        nowa duży mały dużo mało trochę więcej bardziej pan pani państwo polska polski polsku
        mieszkańcy miasto mieście znowu dalej wtedy potem tutaj kurwa jebać jak co na do to się
        w z i o ze u mi go mu
    """,
    "ro": """
        și să în la de pe cu nu un o ce că mai din se este sunt eu tu el ea noi voi ei ele mă mi te
        ți îl îi le ne vă lui lor meu mea mei mele tău ta său sa nostru noastră vostru această acest
        aceasta acesta asta ăsta aia ăla acolo aici acum azi astăzi ieri mâine mereu niciodată nimic
        ceva cineva nimeni tot toate toți fiecare care unde când cine cât cum pentru prin peste sub
        după înainte între fără despre spre până foarte mult multe mulți puțin bine rău bun bună
        mulțumesc mersi rog salut da am ai avem aveți au fost fi va vor poate pot trebuie vreau
        vrea știu știe face fac zice spune dar sau ori dacă deci însă iar chiar doar numai încă
        deja oameni copii oraș orașul casă strada stradă primăria primar primarul consiliul domnul
        doamna românia român românește nici decât atât atunci fel si sa in ca nimic
    """,
    "lt": """
        ir yra kad ne į iš su ar bet kaip tai jis ji jie jos aš tu mes jūs mano tavo jo jų mūsų jūsų
        man tau jam jai mums jums juos buvo bus būti esu esi esame esate nėra nebuvo taip labai daug
        mažai dabar šiandien vakar rytoj visada niekada niekas kažkas viskas visi kiekvienas kuris
        kuri kurie kodėl kur kada kas kiek kam ką per prie po prieš už tarp be apie dėl nuo iki pas
        gerai geras gera blogai ačiū prašau labas sveiki sveikas čia ten tik dar jau net gal galbūt
        reikia noriu nori žinau žino galiu gali turiu turi turime žmonės miestas darbas vaikai namai
        gatvė savivaldybė ponas ponia lietuva lietuvių lietuviškai arba nei nes todėl jeigu jei kai
        kol tada toks tokia šis ši šie tas ta tie tą savo sau save mane tave jį ją
    """,
    "lv": """
        un ir ka ar uz par no kas bet vai lai tas tā to ko es tu viņš viņa mēs jūs viņi mans mana
        tavs tava savs mūsu jūsu man tev viņam viņai mums jums viņiem mani tevi bija būs būt esmu esi
        esam esat nav jā nē ļoti daudz maz tagad šodien vakar rīt vienmēr nekad nekas kaut viss
        visi katrs kurš kura kuri kāpēc kur kad cik kā pie pēc pirms aiz starp bez līdz labi labs
        laba slikti paldies lūdzu sveiki čau šeit tur tikai vēl jau pat varbūt vajag gribu grib zinu
        zina varu var varam cilvēki pilsēta darbs bērni māja iela dome latvija latviski jo tāpēc
        ja kamēr tad tāds tāda šis šī šie tie arī vairs tomēr tāpat
    """,
    "fi": """
        ja on ei se että en oli hän ole olen olet olemme olette ovat ollut olla kun niin mutta kuin
        tai jos sitten myös vain nyt kaikki minä sinä me te he tämä tuo mitä miksi missä milloin
        kuka kiitos hyvä hyvin paljon vähän voi pitää haluan tiedän ihmiset kaupunki työ lapset
        talo katu joka jotka mikä koska vielä jo aina koskaan mitään jotain joku kukaan minun sinun
        hänen meidän teidän heidän minua sinua häntä meitä teitä heitä tässä siellä täällä tänään
        eilen huomenna anteeksi moi hei terve kyllä juuri todella ehkä siis eikä enää vaan
    """,
    "sv": """
        och att det som en ett är på av för med till den inte har jag du han hon vi ni de dem men om
        så var vad när här där kan ska skulle vill också bara mycket eller från hur varför vem tack
        hej bra nu idag igår imorgon alltid aldrig ingenting något någon ingen alla varje min mitt
        mina din ditt dina sin sitt vår deras hans hennes mig dig sig oss blir bli blev varit vara
        finns får måste kommer gör säger vet tycker människor staden jobb barn hus gatan kommunen
        sverige svenska eftersom därför innan efter utan mellan under över genom mot hos redan
        fortfarande kanske verkligen väldigt lite mer mest
    """,
    "da": """
        og at det som en et er på af med til den ikke har jeg du han hun vi de dem men om så var
        hvad når der kan skal skulle vil også bare meget eller fra hvordan hvorfor hvem tak hej
        godt nu altid aldrig ingenting noget nogen ingen alle hver min mit mine din dit dine sin sit
        vores jeres deres hans hendes mig dig sig os bliver blive blev været være findes får må
        kommer gør sagde siger ved synes mennesker byen arbejde børn hus gaden kommune danmark dansk
        fordi derfor før efter uden mellem under over gennem mod hos allerede stadig måske
        virkelig lidt mere mest
    """,
    "no": """
        og at det som en et er på av med til den ikke har jeg du han hun vi dere de dem men om
        så var hva når der kan skal skulle vil også bare mye eller fra hvordan hvorfor hvem takk
        hei godt bra nå alltid aldri ingenting noe noen ingen alle hver min mitt mine din ditt dine
        sin sitt vår deres hans hennes meg deg seg oss blir bli ble vært være finnes får må kommer
        gjør sa sier vet synes mennesker byen arbeid barn hus gaten kommune norge norsk fordi derfor
        før etter uten mellom under over gjennom mot hos allerede fortsatt kanskje virkelig litt mer
        mest
    """,
    "pt": """
        o a os as um uma uns umas de do da dos das em no na nos nas e é que não sim se com sem por
        para pra pro pelo pela pelos pelas ao à aos às eu tu você vocês ele ela nós eles elas me te
        lhe lhes meu minha meus minhas seu sua seus suas nosso nossa este esta isto esse essa isso
        aquele aquela aquilo mas porque porquê como quando onde quem qual quais muito muita muitos
        muitas pouco mais menos bem mal bom boa tudo todo toda todos todas nada algo alguém ninguém
        também já ainda sempre nunca agora hoje ontem amanhã aqui ali lá aí foi era ser estar está
        estão estou estamos sou somos são tem têm tenho temos ter há pode podem posso quero quer sei
        sabe diz disse vou vai vamos vão obrigado obrigada olá oi tchau desculpe gente cidade câmara
        trabalho crianças casa rua senhor senhora então depois antes durante enquanto embora outro
        outra outros mesmo cada só assim nem vez ano dia coisa coisas né tá tô vc vcs demais
        você voce nao entao
    """,
    "es": """
        el la los las un una unos unas de del al y e o u que qué en es son está están estoy estás
        estamos no sí si se lo le les me te nos os mi mis tu tus su sus nuestro nuestra vuestro yo
        tú él ella nosotros vosotros ellos ellas usted ustedes con sin por para sobre entre hasta
        desde hacia contra pero porque como cómo cuando cuándo donde dónde quien quién cual cuál muy
        mucho mucha muchos muchas poco más menos bien mal bueno buena malo todo toda todos todas nada
        algo alguien nadie también tampoco ya aún todavía siempre nunca ahora hoy ayer mañana aquí
        allí ahí acá allá este esta esto estos estas ese esa eso esos esas aquel fue era ser estar
        hay hace hacer tiene tienen tengo tienes puede pueden puedo quiero quiere sé sabe dice dijo
        voy va vamos van gracias hola adiós favor perdón gente ciudad ayuntamiento trabajo niños
        casa calle señor señora entonces luego después antes durante mientras aunque sino además
        otro otra otros mismo misma cada solo sólo así algún ningún ni vez veces año años día días
        cosa cosas pues tambien despues aqui asi
    """,
    "fr": """
        le la les un une des du de et est en que qui ne pas je tu il elle nous vous ils elles on ce
        cette ces cet mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs au aux dans sur
        pour par avec sans sous chez entre vers mais ou où donc car si plus moins très trop bien mal
        bon bonne tout tous toute toutes rien quelque chose personne aussi encore déjà toujours
        jamais maintenant aujourd hui hier demain ici là voilà comme comment pourquoi quand quoi
        combien suis es sommes êtes sont était été être sera ai as avons avez ont avait avoir fait
        faire peut peux pouvez veux veut voulez dois doit faut sais sait dit dire va vais vont allez
        merci bonjour bonsoir salut svp oui non ça cela ceci lui eux moi toi soi même autre autres
        beaucoup peu gens ville mairie travail enfants maison rue monsieur madame vraiment alors puis
        ensuite après avant pendant depuis jusqu parce lorsque dont laquelle lequel celui celle ceux
        tres deja etre etait ete apres meme
    """,
    "it": """
        il lo la gli le un uno una di del della dei delle dello degli al alla ai alle da dal dalla
        in nel nella nei con su sul sulla per tra fra e è che non sì si no ma o anche come quando
        dove chi cosa perché perche quale quanto molto poco più meno bene male buono buona tutto
        tutti tutta niente nulla qualcosa qualcuno nessuno già ancora sempre mai ora adesso oggi ieri
        domani qui qua lì là questo questa questi queste quello quella quelli io tu lui lei noi voi
        loro mi ti ci vi ne mio mia miei mie tuo tua suo sua nostro nostra vostro sono sei siamo
        siete era stato stata essere sarà ho hai ha abbiamo avete hanno avere fa fare fatto può posso
        puoi voglio vuole sa dice detto vado va andiamo grazie ciao prego scusa scusi gente città
        comune lavoro bambini casa strada via signore signora allora poi dopo prima durante mentre
        però quindi perciò altro altra altri stesso ogni solo così né volta anno giorno cose davvero
        proprio troppo dell nell sull piu gia cosi pero puo citta
    """,
    "de": """
        der die das den dem des ein eine einen einem einer eines und oder aber ist sind bin bist
        seid war waren sein ich du er sie es wir ihr mich mir dich dir ihn ihm uns euch ihnen mein
        meine dein deine seine unser euer nicht kein keine nein ja doch auch noch schon nur sehr
        mehr viel viele wenig gut schlecht alles nichts etwas jemand niemand immer nie niemals jetzt
        heute gestern morgen hier dort da wo wer was wie warum wann wieso welche welcher mit von zu
        zum zur bei nach aus auf für über unter vor hinter zwischen ohne gegen durch um im am ins vom
        beim wenn weil dass daß ob als denn also dann habe hast hat haben hatte wird werden wurde
        kann kannst können muss müssen soll sollte möchte weiß gibt macht machen sagen gesagt
        danke bitte hallo tschüss leute stadt gemeinde arbeit kinder haus straße herr frau man sich
        selbst andere anderen jeder jede alle ganz wirklich vielleicht eigentlich halt mal einfach
        gerade wieder heißt geht gehen kommt kommen fuer ueber moechte muessen koennen
    """,
    "nl": """
        de het een en van in is dat die op te voor met zijn niet aan er maar om ook als dan bij of
        uit nog wat naar door over wel geen ik je jij hij zij ze we wij jullie hun hem haar mij me
        mijn jouw jou uw ons onze zich was waren ben bent heb hebt heeft hebben had kan kun kunnen
        moet moeten wil willen zal zullen zou wordt worden werd gaat gaan ga doet doen komt komen
        zegt weet weten veel weinig meer minder goed slecht alles niets niks iets iemand niemand
        altijd nooit nu vandaag gisteren morgen hier daar waar wie waarom wanneer hoe welke omdat
        want toen dus toch al alleen heel erg echt even misschien eigenlijk gewoon zo ja nee dank
        bedankt dankjewel alstublieft alsjeblieft hallo hoi doei mensen stad gemeente werk
        kinderen huis straat meneer mevrouw andere elke ieder iedereen allemaal zelf tussen zonder
        tegen onder achter na tot sinds tijdens
    """,
    "tr": """
        ve bir bu şu o da de ki ne için ile gibi çok daha en var yok değil mi mı mu mü ben sen biz
        siz onlar beni seni onu bana sana ona bize size benim senin onun bizim sizin onların ama
        fakat ya veya ise eğer çünkü kadar sonra önce şimdi bugün dün yarın her hiç hep hiçbir bazı
        herkes kimse şey hepsi neden niye nasıl nerede kim hangi kaç evet hayır tamam teşekkür
        teşekkürler sağol sağolun lütfen merhaba selam iyi kötü güzel büyük küçük yeni eski az
        insanlar şehir belediye iş çocuklar ev sokak bey hanım olan olarak oldu olur olsun olmak
        ediyor yapıyor yapmak geliyor gidiyor diyor biliyorum istiyorum lazım gerek artık bile
        sadece yine tekrar zaten belki gerçekten aynı diğer başka burada orada abi abla yani işte
        hadi icin cok degil tesekkur tesekkurler guzel simdi cunku
    """,
    "sk": """
        a v vo na sa je to že s so z zo do k ku o i som si sme ste sú bol bola bolo byť bude budú
        nie áno ako čo ale tak už len iba tiež ešte keď aby pretože preto alebo ani ktorý ktorá
        ktoré ktorí tento táto toto ten tá tí tu tam teraz dnes včera zajtra vždy nikdy nič niečo
        niekto nikto všetko všetci každý prečo kde kedy kto koľko pre cez pri pod nad pred za medzi
        bez u od po dobre dobrý ďakujem prosím ahoj môj moja tvoj náš váš jeho jej ich ma mi mňa
        mne teba ťa ti nás vás im mám máš má máme máte majú chcem chce viem vie môžem môže musí
        musím veľmi dosť trochu viac ľudia mesto práca deti pán pani asi naozaj proste vlastne
        však teda takže než podľa seba sebe
    """,
    "cs": """
        a v ve na se je to že s z do k o i jsem jsi jsme jste jsou byl byla bylo být bude budou
        není ne ano jak co ale tak už jen jenom také taky ještě když aby protože proto nebo ani
        který která které kteří tento tato toto ten ta ty tady tam teď dnes včera zítra vždy nikdy
        nic něco někdo nikdo všechno všichni každý proč kde kdy kdo kolik pro přes při pod nad před
        za mezi bez u od po dobře dobrý děkuji děkuju prosím ahoj můj moje tvůj náš váš jeho její
        jejich mě mi mně tě ti tebe nás vás jim mám máš má máme máte mají chci chce vím ví můžu
        může musí musím velmi moc hodně trochu víc více lidé lidi město práce děti pan paní asi
        opravdu prostě vlastně však tedy takže jako než podle sebe sobě si
    """,
    "hu": """
        a az és is nem hogy egy meg van volt lesz vagy de csak már még mint ha mert ez ezt azt ezek
        azok itt ott most ma tegnap holnap mindig soha semmi valami valaki senki minden mindenki
        miért hol mikor ki mi mit mennyi hogyan én te ő ti ők engem téged nekem neked neki nekünk
        nektek nekik velem veled vele nincs nincsenek igen köszönöm köszi kérem kérlek szia
        sziasztok jó rossz nagyon sok kevés több kicsit nagy kicsi új régi ember emberek város
        munka gyerekek ház utca azért ezért pedig hiszen tehát akkor aztán után előtt alatt felett
        között nélkül szerint miatt számára lehet kell akar akarok tudom tudod tud szeretnék
        szeretem vagyok vagyunk vagytok vannak voltak lett lenne sem se talán persze hát úgy így
        olyan ilyen amely amelyik ami aki amit akik amikor ahol mivel egész legyen tényleg
    """,
    "sq": """
        dhe në të që një është jam je jemi jeni janë ishte ka kam ke kemi keni kanë nuk po jo me se
        për nga mbi nën pa te tek deri si ku kur kush çfarë pse sa cili cila unë ti ai ajo ne ju
        ata ato mua ty atë atij asaj juve atyre im ime yt jote saj tij tyre ynë jonë juaj ky kjo
        këta këto këtu atje tani sot dje nesër gjithmonë kurrë asgjë diçka dikush askush gjithçka
        gjithë çdo shumë pak më mirë keq faleminderit lutem përshëndetje mirëdita tungjatjeta
        njerëzit qyteti bashkia puna fëmijët shtëpia rruga zoti zonja por ose apo nëse sepse
        prandaj pastaj pas para gjatë ndërsa edhe vetëm ende akoma tashmë mund duhet dua do di bën
        thotë shkon vjen shqip shqipëria kosova eshte nje per jane shume mire
    """,
    "hr": """
        i je u na se da su za od s sa ne to što šta kako ali ili a o po iz do kao sam si smo ste
        bio bila bilo biti će ću ćeš ćemo nije nisam jesam ima imam imaš imamo nema nemam ja ti on
        ona ono mi vi oni me mene te tebe ga njega nju nas vas ih njih mu joj nam vam im moj moja
        moje tvoj tvoja njegov njen njezin naš naša vaš njihov ovaj ova ovo taj ta onaj ovdje
        ovde tu tamo sad sada danas jučer juče sutra uvijek uvek nikad nikada ništa nešto netko
        neko nitko niko sve svi svaki zašto gdje gde kada kad tko ko koliko koji koja koje jer
        zato ako dok pa ni već još samo jako vrlo mnogo puno malo više dobro loše dobar hvala
        molim bok zdravo ljudi grad općina opština posao djeca deca kuća ulica gospodin gospođa
        možda stvarno baš treba trebam hoću hoće želim znam zna mogu može moramo mora kaže rekao
        sto sta cu ces nista nesto vec jos zasto
    """,
    "so": """
        iyo waa ku ka la in ee oo aan ayaa waxaa wax ma maxaa sida haddii laakiin kale ah soo baa
        waxay waxaan inuu inay hadda badan dhan kuma iska aad ayuu ayay yahay tahay ahay jiro jira
        dadka magaalada guriga mahadsanid nabad walaal hooyo aabo aniga adiga isaga iyada annaga
        idinka iyaga waxaad waxuu maxay maxaad sidee xagee goorma yaa meeshan halkan halkaas maanta
        berri shalay weligay marnaba walba dhammaan qof qofka dowladda dawlada degmada wadada
        caruurta carruurta shaqo fadlan haa maya wanaagsan xun weyn yar cusub mar markii markaas
        sababtoo sidaa ilaa kadib kahor dhexe dhinaca ayaad ayaan bay buu ugu kuu ii noo loo lagu laga
        weli lama laba qashin qashinka goorma doonaa doontaa weeye waaye miyaa haddaad hadaad sow
        caawimaad toddobaad khatar aadan aanan aanu wuxuu waxay wixii kuwa
    """,
    "tl": """
        ang ng mga sa na ay at ako ikaw ka siya kami tayo sila niya ko mo natin namin nila hindi oo
        po opo lang naman talaga ba yung iyong kasi pero kung para dito doon diyan ito iyan iyon
        yan yun wala meron may sana din rin daw raw pa nga ganun ganito salamat maraming ano bakit
        paano saan kailan sino lahat kayo ninyo nyo nang kay ni si sina ating aking amin atin mahal
        gusto ayaw pwede puwede dahil habang kapag pag lamang mas pinaka napaka maganda bahay tao
        mabuti masaya ngayon bukas kahapon nasaan nandito nandiyan akin sakin sayo kanya kanila
    """,
    "id": """
        yang dan di ini itu dengan untuk tidak tak ada saya aku kamu anda kita kami mereka dia akan
        sudah belum bisa boleh juga lagi sangat banyak karena kerana tapi tetapi atau dari ke pada
        oleh sama apa siapa bagaimana kenapa mengapa terima kasih selamat lebih baru masih hanya
        saja sekali semua orang nya lah kan nak mau ingin harus jangan sini sana bagus sekarang
        besok kemarin kalau jika dalam tentang seperti sudah telah bukan belum pernah selalu
        jalan rumah kota anak bapak ibu tolong maaf betul benar
    """,
    "vi": """
        của và là không có được những một các cho với này người trong đã sẽ đang rất thì mà nhưng
        tôi bạn anh em chị chúng ta họ nó gì nào đây đó vì nếu khi cũng lại ra vào lên xuống đi đến
        về từ ở cảm ơn quá nhiều ít hay đẹp tốt xin chào mình thế nên còn làm biết muốn phải
    """,
    "hi": """
        kya hai hain nahi nahin aur bhi yeh woh kar karo tha thi mera meri tera teri tum tu
        aap apna apni acha accha bahut bohot kaise kyun kyu koi kuch sab abhi jab tab agar lekin
        magar phir hoga raha rahe gaya diya liya wala wali hum humein mujhe tujhe unko usko iska
        uska kaha yaar bhai ji ke ki ka ko se mein hoon hun kyunki isliye sirf wahan yahan kal
        aaj matlab sahi galat paisa log logon achha shukriya dhanyavad haan bilkul zaroor
    """,
}

# Letters that only one language of the lists above (or a few) writes.
# A word holding one counts as a word of that language, however rare.
LETTERS = {
    "ł": ("pl",), "ś": ("pl",), "ź": ("pl",), "ż": ("pl",), "ą": ("pl", "lt"), "ę": ("pl", "lt"),
    "ń": ("pl",), "ŵ": ("cy",), "ŷ": ("cy",), "ș": ("ro",), "ț": ("ro",), "ţ": ("ro",),
    "ă": ("ro", "vi"), "ğ": ("tr",), "ı": ("tr",), "ş": ("tr", "ro"), "ß": ("de",), "ñ": ("es",),
    "ã": ("pt", "vi"), "õ": ("pt", "vi"), "œ": ("fr",), "ő": ("hu",), "ű": ("hu",), "ř": ("cs",),
    "ě": ("cs",), "ů": ("cs",), "ľ": ("sk",), "ĺ": ("sk",), "ŕ": ("sk",), "ė": ("lt",), "į": ("lt",),
    "ų": ("lt",), "ķ": ("lv",), "ļ": ("lv",), "ņ": ("lv",), "ģ": ("lv",), "ē": ("lv",),
    "ë": ("sq", "fr", "nl"), "đ": ("hr", "vi"), "ć": ("hr", "pl"), "ơ": ("vi",), "ư": ("vi",),
    "å": ("sv", "da", "no"), "ø": ("da", "no"), "æ": ("da", "no"),
}
# Endings of words that English words never have: a word (of 6 letters or
# more) ending so counts as a word of those languages.
ENDINGS = {
    "irse": ("es",), "ción": ("es",), "ciones": ("es",), "iendo": ("es",), "mente": ("es", "it", "pt"),
    "ção": ("pt",), "ções": ("pt",), "zione": ("it",), "zioni": ("it",), "issimo": ("it",), "issima": ("it",),
    "keit": ("de",), "heit": ("de",), "ungen": ("de",), "schaft": ("de",), "lijk": ("nl",), "lijke": ("nl",),
    "tje": ("nl",), "tjes": ("nl",), "aient": ("fr",), "ées": ("fr",), "ości": ("pl",), "ość": ("pl",),
}
# Vietnamese letters with two marks (U+1EA0 to U+1EF9) are all Vietnamese.
VIETNAMESE_LETTERS = ("\u1ea0", "\u1ef9")

# Familiar foreign phrases English speakers use: never evidence of another language.
LOAN_PHRASES = """
c'est la vie | je ne sais quoi | raison d'être | joie de vivre | savoir faire | laissez faire | à la carte |
à la mode | bon appétit | bon voyage | déjà vu | coup d'état | tour de force | crème de la crème | fait accompli |
femme fatale | cul de sac | nom de plume | hors d'oeuvre | vis-à-vis | rendez-vous | au revoir | au contraire |
merci beaucoup | s'il vous plaît | mon dieu | ooh la la | oh la la | pièce de résistance | esprit de corps |
hasta la vista | hasta luego | que sera sera | mi casa es su casa | por favor | no problemo | que pasa |
feliz navidad | dios mio | ay caramba | la dolce vita | dolce far niente | mamma mia | buon appetito |
ciao bella | auf wiedersehen | danke schön | danke schoen | carpe diem | per se | vice versa | status quo |
ad hoc | et cetera | quid pro quo | sine qua non | persona non grata | modus operandi | in situ | pro bono |
ad nauseam | alma mater | bona fide | de facto | in memoriam | rest in peace | cymru am byth | iechyd da |
bore da | nos da | diolch yn fawr | croeso i gymru | sláinte | slàinte mhath | céad míle fáilte | erin go bragh |
"""

# Scripts other than the Latin alphabet: (first, last code point, script).
SCRIPT_RANGES = (
    (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"), (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"), (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Odia"),
    (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"), (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"), (0x1000, 0x109F, "Myanmar"), (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"), (0x1200, 0x139F, "Ethiopic"), (0x1780, 0x17FF, "Khmer"),
    (0x1C80, 0x1C8F, "Cyrillic"), (0x1F00, 0x1FFF, "Greek"), (0x2D00, 0x2D2F, "Georgian"),
    (0x2DE0, 0x2DFF, "Cyrillic"), (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hangul"), (0x31F0, 0x31FF, "Kana"), (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"), (0xA640, 0xA69F, "Cyrillic"), (0xA960, 0xA97F, "Hangul"),
    (0xAC00, 0xD7AF, "Hangul"), (0xD7B0, 0xD7FF, "Hangul"), (0xF900, 0xFAFF, "Han"),
    (0xFB1D, 0xFB4F, "Hebrew"), (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
    (0xFF66, 0xFF9D, "Kana"), (0x20000, 0x2FA1F, "Han"),
)

# A script → the language its text is taken to be in, and the codes that
# accept it, when nothing in the text says which of its languages it is.
SCRIPT_LANGUAGES = {
    "Greek": ("Greek", ("el",)), "Armenian": ("Armenian", ("hy",)), "Hebrew": ("Hebrew", ("he", "yi")),
    "Devanagari": ("Devanagari script (such as Hindi or Nepali)", ("hi", "mr", "ne")),
    "Bengali": ("Bengali", ("bn", "as")), "Gurmukhi": ("Punjabi", ("pa",)), "Gujarati": ("Gujarati", ("gu",)),
    "Odia": ("Odia", ("or",)), "Tamil": ("Tamil", ("ta",)), "Telugu": ("Telugu", ("te",)),
    "Kannada": ("Kannada", ("kn",)), "Malayalam": ("Malayalam", ("ml",)), "Sinhala": ("Sinhala", ("si",)),
    "Thai": ("Thai", ("th",)), "Lao": ("Lao", ("lo",)), "Myanmar": ("Burmese", ("my",)),
    "Georgian": ("Georgian", ("ka",)), "Hangul": ("Korean", ("ko",)),
    "Ethiopic": ("Ge'ez script (such as Amharic or Tigrinya)", ("am", "ti")), "Khmer": ("Khmer", ("km",)),
    "Han": ("Chinese", ("zh",)), "Kana": ("Japanese", ("ja",)),
    "Cyrillic": ("Cyrillic script (such as Russian or Ukrainian)", ("ru", "uk", "bg", "sr", "mk", "be")),
    "Arabic": ("Arabic script (such as Arabic, Urdu or Persian)", ("ar", "ur", "fa", "ps", "ku")),
}

# Letters that tell the languages written in Cyrillic apart. One of the
# first kind settles it; each of the second kind is one more vote for its
# languages, beside their words (CYRILLIC_WORDS).
CYRILLIC_OWN_LETTERS = (("ў", "be"), ("їєґ", "uk"), ("ђћ", "sr"), ("ѓќѕ", "mk"))
CYRILLIC_HINTS = (("ыэё", ("ru",)), ("і", ("uk",)), ("ъ", ("bg",)), ("љњџј", ("sr", "mk")))
# Letters that tell the languages written in Arabic script apart: Urdu,
# Pashto and Kurdish have letters of their own; Arabic and Persian write
# some of the same sounds with different letters (ي ك against ی ک).
ARABIC_OWN_LETTERS = (("ٹڈڑںےۓ", "ur"), ("ټډړږښځڅۍ", "ps"), ("ڕڵۆێە", "ku"))
ARABIC_OR_PERSIAN = ("ةكيى", "پچژگکی")

# Small words of the languages written in Cyrillic, to tell them apart.
CYRILLIC_WORDS = {
    "ru": """
        что это как не да нет все всё так его но они мы вы ты он она был была уже очень когда где почему
        если или только ещё еще здесь там сейчас сегодня спасибо пожалуйста привет можно нужно надо будет
        есть меня тебя мне тебе вас нас их для без из от через кто какой какая этот эта тот весь вся
        люди город улица дорога совсем просто тоже также хорошо плохо вообще потому чтобы
    """,
    "uk": """
        що це як не так і й та але або він вона вони ми ви ти був була вже дуже коли де чому якщо тільки
        ще тут там зараз сьогодні дякую будь ласка привіт можна треба буде є немає мене тебе мені тобі
        вас нас їх для без з від через хто який яка цей ця той весь вся все люди місто вулиця дорога
        зовсім просто теж також добре погано
    """,
    "bg": """
        какво това как не да е са съм си сме сте и в на за от с със по до при през аз ти той тя ние вие
        те ме го я ни ви ги ми му но или ако когато къде защо кой коя кое много малко вече още само тук
        там сега днес благодаря моля здравей здрасти може трябва ще няма има хора град улица път добре
        лошо нещо нищо всички
    """,
    "sr": """
        што шта је су да не и у на за од са као али или сам смо нисам нема има хвала молим здраво добро
        много само већ још ово овај ова тај где зашто када ко шта јер ако можда треба хоћу желим знам
        људи град улица
    """,
    "mk": """
        што е се не и во на за од со како но или сум си сме нема има благодарам ве молам добро многу
        само веќе уште ова овој таа каде зошто кога кој ако можеби треба сакам знам луѓе град улица
    """,
}

# Letters of Greek and Cyrillic that look like Latin ones: used to disguise
# English words, so not evidence of those languages.
LOOKALIKES = frozenset("аеёкмнорстухіїјѕԁһӏвАВЕКМНОРСТУХІЈЅαβεηικνορτυχωΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")
