# ruff: noqa: E501  (one invented sentence a line)
"""A regression table of invented news sentences, scored as a whole against floors.

Every sentence here was written for this project (none comes from ../shared). Each set was
first run blind, before any rule was changed for it; those first figures are the honest
estimate of how the coder does on unseen text (event accuracy 0.75, 0.89, 0.82, 0.74, 0.84, 0.87
on six successive sets). The rules were then improved on them, so the floors below only guard
against regressions. Columns: PLOVER type, source code, target code (- when not checked), text.
"""

from __future__ import annotations

import pytest

from quotetrace.events import code_events
from quotetrace.model import Article

TABLE = """
AGREE	GHA	TGO	Ghana has agreed to supply electricity to neighbouring Togo under a new ten-year arrangement, officials said on Thursday.
AGREE	JPN	PHL	Japan pledged on Tuesday to help the Philippines rebuild schools destroyed by the typhoon.
AGREE	COL	-	Colombia's main rebel group said it was willing to sit down with the new government for peace talks.
AGREE	SWE	FIN	Sweden offered to host a conference on Baltic fishing quotas with Finland next spring.
AGREE	ARM	AZE	Armenia and Azerbaijan agreed to exchange prisoners of war before the end of the month, a mediator said.
AGREE	KAZ	-	Kazakhstan will allow international observers to monitor next month's parliamentary election, the foreign ministry announced.
CONSULT	AUT	HUN	The Austrian chancellor flew to Budapest on Monday for talks with Hungarian leaders on the refugee crisis.
CONSULT	CHN	PAK	Chinese Premier Li met Pakistani army chief in Beijing on Wednesday to discuss security along their border.
CONSULT	USA	EGY	The U.S. envoy held a second round of consultations with Egyptian officials in Cairo.
CONSULT	NOR	-	Norway has been mediating between the Sri Lankan government and Tamil rebels since 2000.
CONSULT	TUR	IRN	Turkish Foreign Minister arrived in Tehran on Sunday for a two-day visit.
SUPPORT	GBR	SLE	Britain on Friday praised Sierra Leone's government for holding peaceful elections.
SUPPORT	FRA	MLI	France reaffirmed its support for Mali's transitional government on Tuesday.
SUPPORT	ZAF	ZWE	South Africa endorsed the result of the disputed election in Zimbabwe.
SUPPORT	RUS	SRB	Moscow voiced solidarity with Belgrade over its refusal to recognize the new state.
CONCEDE	MMR	-	The Burmese junta eased restrictions on foreign journalists ahead of the summit.
CONCEDE	EGY	-	Egyptian authorities released 200 political prisoners in a goodwill gesture, state media said.
CONCEDE	PHL	-	The Philippine government apologized to the families of the victims of the police raid.
CONCEDE	SRB	USA	Serbia bowed to U.S. pressure and handed over the former general to the tribunal.
COOPERATE	USA	KOR	U.S. and South Korean forces began joint military exercises on the peninsula on Monday.
COOPERATE	ESP	MAR	Spanish and Moroccan police jointly dismantled a drug smuggling ring, officials said.
COOPERATE	DEU	POL	Germany extradited a suspected arms dealer to Poland on Wednesday.
AID	USA	HTI	The United States airlifted tents and water purification units to Haiti after the earthquake.
AID	IGO	SDN	The World Food Programme distributed food rations to 300,000 displaced people in Sudan.
AID	SAU	YEM	Saudi Arabia deposited two billion dollars in Yemen's central bank to shore up its currency.
AID	CHN	ZMB	China extended a low-interest loan of 500 million dollars to Zambia for a new railway.
RETREAT	ISR	LBN	Israel pulled its last troops out of southern Lebanon early on Wednesday.
RETREAT	GEO	-	Georgian forces withdrew from the breakaway region under the terms of the ceasefire.
RETREAT	COL	-	Several hundred paramilitary fighters laid down their weapons in a ceremony in northern Colombia.
RETREAT	RUS	MDA	Russia began withdrawing ammunition stockpiles from Moldova's Transnistria region.
REQUEST	IGO	MMR	The U.N. Secretary-General called on Myanmar's military to release all political detainees.
REQUEST	POL	DEU	Poland has asked Germany for war reparations, the Polish deputy foreign minister said.
REQUEST	IRQ	TUR	Iraq urged Turkey to stop cross-border raids against Kurdish militants.
REQUEST	KEN	SOM	Kenya appealed to Somalia to secure the release of two kidnapped aid workers.
REQUEST	JPN	PRK	Japan demanded that North Korea return all abducted Japanese citizens.
ACCUSE	IND	PAK	India accused Pakistan on Thursday of sheltering militants who attacked an army base in Kashmir.
ACCUSE	VEN	COL	Venezuela's president criticized Colombia for allowing U.S. troops to use its air bases.
ACCUSE	IGO	SYR	The U.N. human rights office condemned Syrian government air strikes on civilian areas.
ACCUSE	ARG	GBR	Argentina protested to Britain over oil exploration off the Falkland Islands.
ACCUSE	NGO	BHR	Amnesty International denounced the torture of detained protesters in Bahrain.
REJECT	ISR	IGO	Israel rejected a U.N. report accusing its troops of war crimes in Gaza.
REJECT	IRN	IGO	Iran refused to allow IAEA inspectors access to a military site near Tehran.
REJECT	GRC	-	Greece's parliament voted down the austerity package on Sunday.
REJECT	PRK	USA	North Korea dismissed the U.S. offer of talks as a "hostile trick."
REJECT	TUR	CYP	Turkey said it would not recognize the Greek Cypriot government until a settlement is reached.
THREATEN	RUS	UKR	Russia threatened on Monday to cut off gas supplies to Ukraine unless it paid its debts.
THREATEN	CHN	TWN	China warned Taiwan that any move towards formal independence would mean war.
THREATEN	USA	IRN	The United States said it would impose new sanctions on Iran if it continued enriching uranium.
THREATEN	PRK	KOR	North Korea vowed to turn Seoul into a "sea of fire" if attacked.
PROTEST	FRA	-	Tens of thousands of French workers marched through Paris on Thursday against pension reform.
PROTEST	KOR	JPN	South Korean activists rallied outside the Japanese embassy in Seoul to demand an apology.
PROTEST	GRC	-	Greek truck drivers went on strike for a second week, blocking highways around Athens.
PROTEST	IRN	-	Iranian students staged a sit-in at Tehran University to protest the arrest of their classmates.
SANCTION	IGO	IRN	The European Union froze the assets of twelve Iranian officials linked to the nuclear program.
SANCTION	CAN	RUS	Canada banned imports of Russian steel and aluminium on Friday.
SANCTION	USA	CUB	Washington tightened its trade embargo on Cuba.
SANCTION	GBR	RUS	Britain recalled its ambassador from Moscow after the poisoning of a former spy.
SANCTION	IGO	MLI	The African Union suspended Mali's membership after the coup.
MOBILIZE	IND	CHN	India moved additional troops to its disputed border with China.
MOBILIZE	GRC	TUR	Greece put its armed forces on high alert after Turkish warships entered disputed waters.
MOBILIZE	RUS	-	Russia called up 300,000 reservists on Wednesday.
COERCE	TUR	-	Turkish police detained dozens of journalists in dawn raids in Istanbul.
COERCE	CHN	-	Chinese authorities shut down several websites critical of the government.
COERCE	ZWE	-	Zimbabwe's government seized hundreds of white-owned farms last year.
COERCE	RUS	UKR	Russian forces confiscated grain from Ukrainian farmers in occupied areas.
COERCE	SAU	-	Saudi authorities deported thousands of Ethiopian migrants last month.
ASSAULT	USA	AFG	U.S. drones struck a Taliban compound in eastern Afghanistan, killing six militants.
ASSAULT	SOM	KEN	Al-Shabaab fighters ambushed a Kenyan army convoy near the border on Tuesday.
ASSAULT	SYR	-	Syrian government aircraft dropped barrel bombs on rebel-held neighbourhoods of Aleppo.
ASSAULT	NGA	-	Suspected Boko Haram gunmen stormed a village in northeastern Nigeria, killing 30 people.
ASSAULT	ISR	PSE	Israeli warplanes pounded targets in Gaza overnight.
ASSAULT	PAK	IND	Pakistani troops shelled Indian positions along the Line of Control.
AGREE	IRL	GBR	Ireland and Britain signed off on a deal to share policing data across the border, the Irish justice ministry said.
AGREE	NLD	IDN	The Dutch government has promised Indonesia 20 million guilders for flood reconstruction.
AGREE	BRA	-	Brazil said on Friday it would consider sending peacekeepers to Haiti if the United Nations asked.
AGREE	PRK	USA	North Korea agreed to freeze its nuclear program in exchange for fuel oil from the United States.
AGREE	BEL	COD	Belgium is prepared to resume development aid to Congo once the new government takes office, a Belgian official said.
AGREE	SEN	GMB	Senegal's president vowed to work with Gambia to reopen the border crossing.
CONSULT	ITA	LBY	Italian Prime Minister held talks in Tripoli on Thursday with Libyan leader on migration.
CONSULT	IGO	SOM	A U.N. envoy met Somali clan leaders in Nairobi on Saturday in a bid to revive peace talks.
CONSULT	USA	ISR	U.S. Secretary of State is due in Jerusalem on Sunday for meetings with Israeli leaders.
CONSULT	DEU	FRA	German and French foreign ministers conferred by telephone on Tuesday about the crisis.
CONSULT	KEN	SDN	Kenya hosted a new round of negotiations between the Sudanese government and southern rebels.
SUPPORT	USA	POL	President Bush hailed Poland on Wednesday as a loyal ally in the fight against terrorism.
SUPPORT	CHN	PRK	China expressed support on Monday for North Korea's call for direct talks with Washington.
SUPPORT	IGO	LBR	The Security Council welcomed the peaceful conduct of elections in Liberia.
SUPPORT	JPN	AUS	Japan backed Australia's bid for a seat on the U.N. Security Council.
SUPPORT	ESP	MAR	Spain recognized Morocco's autonomy plan for Western Sahara as the most serious basis for a settlement.
CONCEDE	IDN	-	The Indonesian government lifted martial law in Aceh province on Monday.
CONCEDE	CHN	-	Beijing relaxed its one-child policy in response to growing public pressure.
CONCEDE	PAK	-	Pakistan's military ruler gave in to opposition demands and agreed to step down as army chief.
CONCEDE	BLR	-	Belarusian authorities pardoned three jailed opposition leaders.
COOPERATE	FRA	GBR	French and British intelligence services worked together to foil the plot, officials said.
COOPERATE	RUS	IND	Russian and Indian navies held joint exercises in the Bay of Bengal last week.
COOPERATE	USA	MEX	Mexico handed over 14 drug cartel suspects to the United States on Friday.
AID	GBR	BGD	Britain sent 50 tonnes of emergency supplies to cyclone-hit Bangladesh.
AID	IGO	AFG	UNICEF delivered vaccines and winter clothing to children in northern Afghanistan.
AID	DEU	UKR	Germany has supplied Ukraine with anti-aircraft systems, the defence ministry said.
AID	QAT	PSE	Qatar donated 30 million dollars to pay the salaries of civil servants in Gaza.
RETREAT	RUS	GEO	Russian troops completed their withdrawal from Georgia on Monday.
RETREAT	ETH	ERI	Ethiopia began pulling its forces back from the disputed border town, the Eritrean information ministry said.
RETREAT	LKA	-	Tamil Tiger rebels announced a unilateral ceasefire on Christmas Eve.
RETREAT	NPL	-	Maoist rebels in Nepal freed 40 policemen they had held captive for two months.
REQUEST	USA	ISR	Washington urged Israel to halt settlement construction in the West Bank.
REQUEST	IGO	ETH	The European Union called for an immediate ceasefire in Ethiopia's Tigray region.
REQUEST	GRC	DEU	Greece asked Germany to return ancient artifacts taken during the occupation.
REQUEST	UKR	IGO	Ukraine's president appealed to NATO for more air defence systems.
REQUEST	NGO	EGY	Human Rights Watch demanded that Egypt release thousands of political detainees.
ACCUSE	RUS	USA	Russia accused the United States of violating the arms control treaty.
ACCUSE	CHN	JPN	China strongly criticized Japan on Tuesday over the prime minister's visit to a war shrine.
ACCUSE	PAK	AFG	Pakistan blamed Afghanistan for harbouring the militants behind the bombing.
ACCUSE	IGO	MMR	The U.N. rights chief condemned Myanmar's military for the killing of protesters.
ACCUSE	ZAF	-	South African prosecutors charged the former president with corruption.
REJECT	IRN	USA	Iran rejected U.S. demands to halt its uranium enrichment program.
REJECT	ISR	-	Israel's prime minister ruled out any withdrawal from the Golan Heights.
REJECT	SRB	IGO	Serbia refused to hand over indicted war criminals to the U.N. tribunal.
REJECT	VEN	USA	Venezuela denied U.S. charges that it was supporting Colombian guerrillas.
REJECT	CUB	-	Cuba's parliament voted against the proposed constitutional amendment.
THREATEN	IRQ	KWT	Iraq threatened on Tuesday to invade Kuwait unless it cut oil production.
THREATEN	TUR	SYR	Turkey warned Syria it would take military action if Damascus continued to shelter Kurdish rebels.
THREATEN	USA	PRK	The United States said all options were on the table and warned North Korea against further missile tests.
THREATEN	IGO	SRB	NATO threatened air strikes against Serb forces if they did not withdraw their heavy weapons.
PROTEST	KOR	USA	Thousands of South Koreans demonstrated in Seoul against the presence of U.S. troops.
PROTEST	FRA	-	French farmers blocked roads with tractors to protest against falling milk prices.
PROTEST	ISR	-	Israeli settlers rallied in Jerusalem against the planned evacuation.
PROTEST	IND	-	Indian textile workers went on strike on Monday over unpaid wages.
SANCTION	USA	PRK	The United States imposed new sanctions on North Korean banks.
SANCTION	IGO	RUS	The EU suspended talks with Russia on a new partnership agreement.
SANCTION	MAR	IRN	Morocco severed diplomatic relations with Iran.
SANCTION	GBR	ZWE	Britain froze all military aid to Zimbabwe on Thursday.
MOBILIZE	RUS	UKR	Russia massed tens of thousands of troops near its border with Ukraine.
MOBILIZE	USA	-	The Pentagon ordered an aircraft carrier group to the eastern Mediterranean.
MOBILIZE	IND	PAK	India deployed additional troops along the Line of Control with Pakistan.
COERCE	RUS	-	Russian police detained hundreds of anti-war protesters in Moscow.
COERCE	IRN	-	Iranian authorities blocked access to Instagram and WhatsApp.
COERCE	EGY	-	Egypt expelled three foreign journalists accused of spreading false news.
COERCE	BLR	-	Belarus's security service raided the offices of independent newspapers.
COERCE	ISR	PSE	Israeli bulldozers demolished a dozen Palestinian homes in East Jerusalem.
ASSAULT	RUS	UKR	Russian missiles hit power stations across Ukraine on Monday.
ASSAULT	AFG	-	Taliban fighters killed 12 policemen in an attack on a checkpoint in Helmand.
ASSAULT	COL	-	Colombian troops clashed with FARC rebels in the south of the country.
ASSAULT	USA	IRQ	American warplanes bombed Iraqi air defence sites on Sunday.
ASSAULT	IRQ	-	A car bomb exploded near a police station in Baghdad, killing nine people.
ASSAULT	SDN	-	Janjaweed militiamen raided three villages in Darfur, burning homes and killing civilians.
AGREE	MAR	ESP	Morocco has agreed to take back migrants who entered Spain's enclaves illegally, the Spanish interior ministry said.
AGREE	UKR	-	Ukrainian President said on Monday his government was ready to hold early elections if the crisis continued.
AGREE	IRN	IGO	Iran said it would allow U.N. inspectors to visit two more nuclear sites next month.
AGREE	KOR	PRK	South Korea offered on Wednesday to resume family reunions with North Korea.
CONSULT	JOR	ISR	Jordan's King Abdullah received the Israeli defence minister in Amman on Thursday.
CONSULT	ARG	CHL	The presidents of Argentina and Chile met at the border to discuss a dispute over glacier territory.
CONSULT	IGO	COL	A European Union delegation visited Bogota to assess the peace process.
SUPPORT	USA	IND	The U.S. State Department praised India's decision to open its nuclear facilities to international inspections.
SUPPORT	ARE	ISR	The United Arab Emirates established full diplomatic relations with Israel in 2020.
SUPPORT	IGO	LBY	The African Union endorsed the new unity government in Libya on Friday.
CONCEDE	BHR	-	Bahrain's king ordered the release of dozens of opposition activists and lifted a ban on public gatherings.
CONCEDE	ZWE	-	Zimbabwe's government reversed its decision to expel foreign aid groups after international criticism.
COOPERATE	NOR	RUS	Norway and Russia conducted a joint search-and-rescue exercise in the Barents Sea.
COOPERATE	SWE	FIN	Swedish and Finnish coast guards coordinated patrols in the Gulf of Bothnia.
AID	JPN	IDN	Japan dispatched a medical team and relief goods to quake-hit Indonesia.
AID	IGO	SOM	The International Monetary Fund approved a 300 million dollar loan for Somalia.
AID	TUR	SYR	Turkish aid agencies delivered food parcels to displaced families in northern Syria.
RETREAT	ARM	AZE	Armenian forces handed three villages back to Azerbaijan under the peace deal.
RETREAT	USA	IRQ	The last American combat brigade crossed out of Iraq into Kuwait early Thursday.
RETREAT	SDN	-	Sudanese army units withdrew from the capital's outskirts after a ceasefire took hold.
REQUEST	FRA	IRN	France called on Iran to release two French citizens held in Tehran.
REQUEST	IGO	AFG	The U.N. Security Council demanded that the Taliban reverse restrictions on women.
REQUEST	MEX	USA	Mexico's foreign minister asked Washington for an explanation of the border shooting.
REQUEST	SRB	IGO	Belgrade has requested an emergency session of the U.N. Security Council.
ACCUSE	ISR	IRN	Israel accused Iran of supplying drones to Russia.
ACCUSE	UKR	RUS	Kyiv blamed Moscow for the attack on the dam.
ACCUSE	USA	CHN	The White House condemned China's crackdown on pro-democracy activists in Hong Kong.
ACCUSE	NGO	SAU	Human Rights Watch criticized Saudi Arabia over the execution of 81 men in a single day.
REJECT	CHN	USA	Beijing rejected Washington's accusations of human rights abuses in Xinjiang.
REJECT	EGY	ETH	Egypt dismissed Ethiopia's proposal to fill the dam over seven years.
REJECT	NGA	-	The Nigerian senate rejected the president's request for a constitutional amendment.
REJECT	POL	IGO	Poland refused to accept migrants under the European Union's relocation scheme.
THREATEN	RUS	FIN	Moscow warned Finland of retaliation if it joined NATO.
THREATEN	TUR	SWE	Turkey threatened to block Sweden's membership bid.
THREATEN	PRK	JPN	North Korea threatened Japan with nuclear strikes over its missile defence plans.
PROTEST	ARM	-	Thousands of Armenians protested in Yerevan against the peace agreement.
PROTEST	CHL	-	Chilean students occupied dozens of schools to demand free education.
PROTEST	SRB	-	Serbian opposition supporters blocked the main highway through Belgrade for hours.
SANCTION	USA	VEN	Washington imposed sanctions on Venezuela's state oil company.
SANCTION	AUS	CHN	Australia suspended its extradition treaty with Hong Kong.
SANCTION	SAU	CAN	Saudi Arabia expelled the Canadian ambassador and froze new trade with Canada.
MOBILIZE	CHN	TWN	China sent dozens of warplanes into Taiwan's air defence zone.
MOBILIZE	POL	BLR	Poland deployed 10,000 soldiers to its border with Belarus.
MOBILIZE	SRB	-	Serbia raised the combat readiness of its army on Monday.
COERCE	IRN	-	Iranian authorities arrested a prominent lawyer at her home in Tehran.
COERCE	THA	-	Thai police dispersed protesters with water cannon outside parliament.
COERCE	MMR	-	Myanmar's junta dissolved the party of the ousted leader.
ASSAULT	ISR	SYR	Israeli jets struck targets near Damascus airport overnight, Syrian state media said.
ASSAULT	NGA	-	Gunmen abducted more than 300 schoolgirls from a boarding school in northwestern Nigeria.
ASSAULT	UKR	RUS	Ukrainian drones attacked an oil refinery in southern Russia.
ASSAULT	ETH	-	Ethiopian troops fought rebel forces in the Tigray region for several days.
AGREE	LBN	ISR	Lebanon has agreed to indirect negotiations with Israel over their maritime border, a senior Lebanese official said on Thursday.
AGREE	USA	UKR	The United States will send an additional 400 million dollars in military aid to Ukraine, the Pentagon announced.
AGREE	SDN	-	Sudan's ruling council pledged to hand power to a civilian government within two years.
AGREE	IRN	SAU	Iran said it was ready to restore relations with Saudi Arabia if Riyadh changed its policies.
CONSULT	RUS	TUR	Russian President held a telephone conversation with his Turkish counterpart on Saturday, the Kremlin said.
CONSULT	PAK	AFG	A Pakistani delegation led by the foreign minister arrived in Kabul for talks with Taliban leaders.
CONSULT	VAT	CUB	Pope Francis met Cuban leader Raul Castro at the Vatican on Sunday.
SUPPORT	IND	BGD	India congratulated Bangladesh on the successful conduct of its general election.
SUPPORT	GBR	EST	Britain reaffirmed its commitment to the defence of Estonia during a visit by the prime minister.
SUPPORT	AUS	NZL	Australia's prime minister applauded New Zealand's response to the mosque attacks.
CONCEDE	KAZ	-	Kazakhstan's president yielded to protesters' demands and dismissed the government.
CONCEDE	DZA	-	The Algerian authorities eased the state of emergency in place since 1992.
COOPERATE	USA	PHL	American and Filipino marines conducted joint amphibious landing drills in Luzon.
COOPERATE	ITA	ALB	Italy and Albania signed a memorandum to cooperate on migration control.
AID	EGY	PSE	Egypt opened the Rafah crossing to allow humanitarian aid into Gaza.
AGREE	CAN	JOR	Canada pledged 100 million dollars in humanitarian assistance for refugees in Jordan.
AID	RUS	SRB	Russia delivered six fighter jets to Serbia as part of a military aid package.
RETREAT	FRA	MLI	France completed the withdrawal of its troops from Mali on Monday.
RETREAT	TUR	IRQ	Turkish forces began pulling out of a base in northern Iraq.
REQUEST	DEU	RUS	Germany summoned the Russian ambassador and demanded an explanation for the cyber attack.
REQUEST	IGO	ISR	The U.N. General Assembly called on Israel to end its occupation of Palestinian territories.
REQUEST	ROU	USA	Romania has asked the United States to station more troops on its territory.
ACCUSE	ARM	AZE	Armenia accused Azerbaijan of violating the ceasefire overnight.
ACCUSE	LTU	BLR	Lithuanian officials blamed Belarus for orchestrating the flow of migrants across the border.
ACCUSE	GBR	RUS	The British foreign secretary condemned Russia for the poisoning of the opposition leader.
REJECT	PAK	IND	Pakistan rejected India's claims that it was sheltering militants.
REJECT	ISR	IGO	Israel refused to cooperate with the U.N. inquiry into the Gaza war.
REJECT	VEN	-	Venezuela's government dismissed the opposition's calls for early elections.
THREATEN	CHN	PHL	China warned the Philippines of consequences if it continued to patrol the disputed shoal.
THREATEN	IRN	ISR	Iran's supreme leader vowed revenge against Israel for the killing of the scientist.
THREATEN	USA	CHN	Washington threatened to impose tariffs on all Chinese imports.
PROTEST	HKG	-	Hundreds of thousands of Hong Kong residents marched against the extradition bill.
PROTEST	FRA	-	French unions staged a nationwide strike against the pension reform on Thursday.
PROTEST	IRQ	USA	Iraqi protesters stormed the U.S. embassy compound in Baghdad.
SANCTION	IGO	RUS	The European Union banned Russian state media outlets from broadcasting in the bloc.
SANCTION	USA	TUR	The United States removed Turkey from the F-35 fighter jet program.
SANCTION	NOR	ISR	Norway suspended arms exports to Israel.
MOBILIZE	USA	IRN	The U.S. sent an aircraft carrier and bombers to the Middle East in response to threats from Iran.
MOBILIZE	ARM	-	Armenia declared martial law and general mobilisation on Sunday.
MOBILIZE	GRC	-	Greece placed its navy on alert in the Aegean Sea.
COERCE	RUS	-	Russian authorities designated the independent broadcaster a foreign agent.
COERCE	CHN	-	Chinese police detained several activists ahead of the anniversary.
COERCE	TUR	-	Turkey's government removed three elected mayors from office and replaced them with state-appointed trustees.
ASSAULT	SAU	YEM	Saudi-led coalition warplanes bombed a market in northern Yemen, killing dozens of civilians.
ASSAULT	PSE	ISR	Palestinian militants fired rockets into southern Israel overnight.
ASSAULT	MLI	-	Jihadist fighters attacked an army camp in central Mali, killing 20 soldiers.
AGREE	HRV	BIH	Croatia said on Tuesday it would open its border to Bosnian refugees fleeing the fighting around Bihac.
AGREE	ZAF	-	The South African government and the African National Congress agreed early Friday on a date for the country's first all-race elections.
AGREE	JPN	RUS	Japan promised Russia on Wednesday a further 500 million dollars in credits, a foreign ministry spokesman said.
CONSULT	SYR	LBN	Syrian President Hafez al-Assad received Lebanese Prime Minister Rafik Hariri in Damascus on Saturday for talks on the security situation.
CONSULT	USA	PSE	The U.S. envoy shuttled between Israeli and Palestinian leaders on Monday in an effort to salvage the peace talks.
CONSULT	EGY	ISR	Egyptian and Israeli negotiators resumed talks in Cairo on Sunday on the stalled autonomy plan.
SUPPORT	IGO	MOZ	The Security Council on Friday commended the parties in Mozambique for their commitment to the peace process.
SUPPORT	DEU	POL	German Chancellor Helmut Kohl voiced support on Thursday for Poland's bid to join NATO.
CONCEDE	CHL	-	Chile's military government lifted a state of siege imposed after an assassination attempt on General Augusto Pinochet.
CONCEDE	KEN	-	The Kenyan government bowed to opposition demands and agreed to reform the electoral commission.
COOPERATE	ITA	ALB	Italian and Albanian police jointly patrolled the Adriatic coast to stop illegal immigration.
COOPERATE	FRA	ESP	France extradited two suspected Basque separatists to Spain on Friday.
AGREE	SWE	ETH	Sweden will provide Ethiopia with 60,000 tonnes of food aid to help victims of the drought, the Swedish embassy said.
AID	USA	SOM	U.S. military helicopters ferried food and medicine to famine-stricken towns in southern Somalia.
RETREAT	VNM	KHM	Vietnam completed the withdrawal of its troops from Cambodia, ending a decade-long occupation.
RETREAT	ISR	LBN	Israel freed 45 Lebanese prisoners on Tuesday in exchange for the bodies of two soldiers.
REQUEST	GBR	ARG	Britain called on Argentina on Tuesday to lift restrictions on flights to the Falkland Islands.
REQUEST	IGO	IRQ	The U.N. Security Council demanded on Friday that Iraq allow weapons inspectors unrestricted access.
ACCUSE	IRN	USA	Iran accused the United States on Saturday of violating its airspace with spy planes.
ACCUSE	IND	PAK	India lodged a strong protest with Pakistan over the killing of two border guards.
ACCUSE	IGO	SRB	The European Union condemned Serbia on Monday for its crackdown on the ethnic Albanian majority in Kosovo.
REJECT	IRQ	IGO	Iraq on Wednesday rejected a U.N. plan to allow limited oil sales to pay for food and medicine.
REJECT	SRB	USA	Belgrade dismissed U.S. charges that Serb forces had committed atrocities in the province.
REJECT	NGA	GBR	Nigeria's military government refused to release the jailed opposition leader despite British pressure.
THREATEN	IRQ	SAU	Iraq warned Saudi Arabia on Sunday that it would face grave consequences if it allowed U.S. planes to use its bases.
THREATEN	CHN	USA	China threatened to retaliate if Washington imposed trade sanctions over copyright piracy.
PROTEST	KOR	-	Thousands of South Korean students clashed with riot police on Tuesday during protests against the government.
PROTEST	ISR	-	Jewish settlers demonstrated outside the prime minister's office against the Hebron agreement.
SANCTION	USA	LBY	The United States extended its economic embargo against Libya for another year.
SANCTION	FRA	IRN	France recalled its ambassador from Tehran after the storming of its embassy.
MOBILIZE	IRQ	KWT	Iraq massed troops near the Kuwaiti border on Sunday, U.S. officials said.
MOBILIZE	IND	PAK	India put its forces on high alert along the border with Pakistan after the attack on parliament.
COERCE	CHN	-	Chinese police detained a leading dissident on Monday hours before a U.S. envoy arrived in Beijing.
COERCE	KEN	-	Kenyan police fired tear gas to break up an opposition rally in Nairobi.
ASSAULT	RUS	RUS	Russian troops shelled rebel positions in the Chechen capital Grozny on Thursday.
ASSAULT	TUR	IRQ	Turkish warplanes bombed suspected Kurdish rebel bases in northern Iraq.
ASSAULT	DZA	-	Suspected Islamic militants killed 15 villagers in an overnight attack south of Algiers, security forces said.
AGREE	NOR	SWE	Norway agreed on Friday to buy electricity from Sweden during the winter months.
AGREE	IRN	IGO	Iran offered to resume talks with the International Atomic Energy Agency on its nuclear program.
AGREE	TZA	RWA	Tanzania promised to repatriate Rwandan refugees by the end of the year, a U.N. spokesman said.
CONSULT	FRA	DZA	French President Jacques Chirac arrived in Algiers on Thursday for a two-day state visit.
CONSULT	USA	RUS	U.S. and Russian negotiators met in Geneva to discuss strategic arms reductions.
SUPPORT	IGO	ZAF	The European Union praised South Africa's first democratic elections as free and fair.
SUPPORT	BRA	ARG	Brazil expressed solidarity with Argentina over the Falklands dispute.
CONCEDE	MEX	-	Mexico's government released 50 Zapatista prisoners as a gesture of goodwill.
CONCEDE	BLR	-	Belarus's president lifted restrictions on opposition newspapers after talks with European envoys.
COOPERATE	KOR	JPN	South Korea and Japan agreed to share military intelligence on North Korean missile launches.
COOPERATE	USA	PAK	U.S. and Pakistani forces launched a joint operation against militants near the Afghan border.
AID	IGO	HTI	The World Bank approved a 40 million dollar grant to help Haiti rebuild after the hurricane.
AID	CHN	NPL	China sent rescue teams and relief supplies to Nepal after the earthquake.
RETREAT	SYR	LBN	Syria began withdrawing its troops from Beirut on Tuesday.
RETREAT	RUS	MDA	Russian peacekeepers handed over their checkpoints to Moldovan police.
REQUEST	AUS	IDN	Australia urged Indonesia to grant clemency to two Australian drug smugglers.
REQUEST	IGO	SYR	The Arab League demanded that Syria withdraw its army from residential areas.
ACCUSE	SRB	HRV	Serbia accused Croatia on Monday of massing troops on the border.
ACCUSE	IRQ	KWT	Iraq charged Kuwait with stealing oil from the Rumaila field.
REJECT	ISR	USA	Israel turned down a U.S. request to halt construction in the settlements.
REJECT	CUB	USA	Cuba rejected U.S. criticism of its human rights record as interference.
THREATEN	LBY	ITA	Libya threatened to expel Italian oil companies if Rome did not pay compensation.
THREATEN	PRK	KOR	North Korea warned South Korea that it would retaliate against any provocation.
PROTEST	EGY	-	Thousands of Egyptian students demonstrated in Cairo against the Israeli raids.
PROTEST	ARG	-	Argentine farmers blocked highways to protest against export taxes.
SANCTION	IGO	MMR	The European Union tightened sanctions against Burma's military government.
SANCTION	USA	RUS	The United States expelled 35 Russian diplomats in response to election hacking.
MOBILIZE	TUR	SYR	Turkey deployed tanks and artillery along its border with Syria.
COERCE	IDN	-	Indonesian police arrested 30 students after clashes in Jakarta.
ASSAULT	USA	IRQ	U.S. forces launched air strikes on targets in southern Iraq.
ASSAULT	AFG	-	Taliban fighters ambushed a police convoy in southern Afghanistan, killing eight officers.
"""

FLOORS = {"event": 0.90, "source": 0.88, "target": 0.80}


def _rows() -> list[tuple[str, str | None, str | None, str]]:
    out = []
    for line in TABLE.strip().splitlines():
        typ, src, tgt, text = line.split("\t")
        out.append((typ, None if src == "-" else src, None if tgt == "-" else tgt, text))
    return out


@pytest.fixture(scope="module")
def figures(nlp) -> dict[str, float]:
    rows = _rows()
    event = source = target = targets = 0
    for (typ, src, tgt, text), doc in zip(rows, nlp.pipe(r[3] for r in rows), strict=True):
        events = code_events(Article(id="t", doc="t", uri="t", body=text), doc, [])
        main = events[0] if events else None
        event += main is not None and main.type == typ
        source += main is not None and main.source is not None and main.source.code == src
        if tgt is not None:
            targets += 1
            target += main is not None and tgt in {t.code for t in main.targets}
    return {"event": event / len(rows), "source": source / len(rows), "target": target / targets}


def test_table_is_big_enough():
    assert len(_rows()) >= 250
    assert {r[0] for r in _rows()} >= {"AGREE", "ASSAULT", "SANCTION", "MOBILIZE", "CONCEDE"}


@pytest.mark.parametrize(("figure", "floor"), sorted(FLOORS.items()))
def test_invented_floor(figures, figure, floor):
    assert figures[figure] >= floor, f"{figure} accuracy fell to {figures[figure]:.3f}"
