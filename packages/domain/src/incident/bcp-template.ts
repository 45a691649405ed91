import type { BcpEssentials } from './model.js';

/*
 * The starter BCP for cyber attacks (checklist item 3(3)): what to write in each section, and a filled-in example for a
 * small clinic. Written for Mamori in plain words, after the ideas of the ministry's checklist manual (3(1)–3(3)) and the
 * security guideline (6.0: decide in advance who cuts the network, keep generations of backups with one offline,
 * carry on on paper, restore, re-enter, drill). The server renders it into the downloadable document, the web shows it
 * as help beside the BCP form; the sections whose key is a `BcpEssentials` field are the form's fields.
 */

export type BcpEssentialKey = keyof BcpEssentials;
export type BcpSectionKey = 'purpose' | 'scenario' | 'preparedness' | BcpEssentialKey | 'review';

export interface BcpTemplateSection {
  key: BcpSectionKey;
  /** Japanese, as printed. */
  heading: string;
  /** What to write here (2–5 sentences). */
  guidance: string;
  /** A filled-in example for a small clinic. */
  example: string;
  en: { heading: string; guidance: string };
}

export const bcpTemplate: readonly BcpTemplateSection[] = [
  {
    key: 'purpose',
    heading: '目的と対象',
    guidance:
      'この計画は、ウイルスや不正アクセスなどのサイバー攻撃でパソコンや電子カルテが使えなくなっても、患者さんの診療をできるだけ止めず、早く元に戻すためのものです。' +
      '対象になるパソコン・機器・システムと、この計画を使う人（院長、職員、委託している事業者）を書きます。' +
      '難しい言葉は使わず、職員が一人で読んでも動けるように書きましょう。',
    example:
      'さくら歯科医院（歯科診療所、ユニット3台、職員5名）で、サイバー攻撃などにより次のものが使えなくなったときに使います。\n' +
      '・受付のパソコン1台（電子カルテ・レセプトコンピュータ兼用）\n' +
      '・デジタルレントゲンの画像を見るパソコン1台\n' +
      '・インターネットの回線とルーター（オンライン資格確認を含む）\n' +
      'この計画は院長が作り、全職員が読んで、受付の棚の「緊急時ファイル」に印刷して置いておきます。',
    en: {
      heading: 'Purpose and scope',
      guidance:
        'This plan keeps patient care going, and brings systems back quickly, when a cyber attack makes computers or the electronic medical records unusable. ' +
        'List the computers, devices and systems it covers and the people who use it. Write it so that any staff member can act on it alone.',
    },
  },
  {
    key: 'scenario',
    heading: '想定する被害',
    guidance:
      'いちばん多いのは、ランサムウェア（身代金を要求するウイルス）でデータが暗号化され、電子カルテやレセプトコンピュータが使えなくなる被害です。' +
      '画面に「データを元に戻したければお金を払え」という表示が出る、ファイルが開けない、名前が変わっている、といった形で気づきます。' +
      'ネットワークでつながった他のパソコンやバックアップにも広がるおそれがあります。' +
      '自院で起きそうな被害と、それが何日続くと困るかを書きましょう。',
    example:
      '想定：ランサムウェアに感染し、受付のパソコンの電子カルテとレセプトのデータが開けなくなる。同じネットワークのレントゲン用パソコンにも広がるおそれがある。\n' +
      '影響：予約・カルテ・会計がパソコンでできない。オンライン資格確認も使えない。\n' +
      '目標：当日の診療は紙で続ける。パソコンは3日以内に、バックアップから元に戻す。',
    en: {
      heading: 'What we prepare for',
      guidance:
        'The most common case is ransomware: data is encrypted and the medical records and billing systems stop working, often with a ransom note on screen. ' +
        'It can spread to other computers and to connected backups. Write down what could happen here and how long the clinic can manage without the systems.',
    },
  },
  {
    key: 'preparedness',
    heading: '平時の備え',
    guidance:
      '攻撃を受けてからでは間に合わない準備を、ふだんから続けます。' +
      'バックアップは3世代以上とり、少なくとも1つはパソコンやネットワークから切り離すか、書き換えられない状態で保管します。' +
      'バックアップから本当に元に戻せるかを年に1回は試し、連絡体制図と紙の受付票・カルテ用紙もすぐ出せるようにしておきます。' +
      '年に1回は、この計画に沿って全員で訓練（読み合わせでも可）をしましょう。',
    example:
      '・電子カルテのバックアップ：毎日、外付けハードディスク2台に交互にとる（事業者の自動バックアップで7日分）。毎週金曜に1台を外して院長が自宅の金庫に保管する。\n' +
      '・復旧の確認：毎年10月、事業者と一緒にバックアップから別のパソコンに戻して確認する。\n' +
      '・連絡体制図：受付の壁と緊急時ファイルに貼る。年度初めに電話番号を確認する。\n' +
      '・紙の準備：受付票・カルテ用紙・会計メモを各50枚、緊急時ファイルに入れておく。\n' +
      '・訓練：毎年11月の昼休みに30分、この計画の読み合わせと、ネットワークを切る手順の確認をする。',
    en: {
      heading: 'Everyday preparation',
      guidance:
        'Keep three or more generations of backups, at least one offline or write-protected, and test a restore once a year. ' +
        'Keep the contact chart and paper forms at hand, and drill this plan with all staff once a year.',
    },
  },
  {
    key: 'decisionMaker',
    heading: 'ネットワークを切る・診療を続けるかを決める人',
    guidance:
      'ネットワークを切るか、診療を続けるか、いつパソコンを使い始めるかを決める人を、前もって決めておきます。' +
      'その人がいないときに代わりに決める人（2番目、3番目）も書きます。' +
      '決める人がすぐにつかまらなくても、感染が疑われるパソコンをネットワークから外すことは、気づいた職員がその場でしてよいと決めておきましょう。',
    example:
      '決める人：院長 山田太郎（携帯 090-0000-0000）\n' +
      '院長がいないとき：副院長 鈴木花子 → 事務長 佐藤一郎 の順\n' +
      '※怪しい画面に気づいた職員は、誰の許可も待たずにそのパソコンのLANケーブルを抜き、Wi-Fiを切ってよい。',
    en: {
      heading: 'Who decides',
      guidance:
        'Name in advance who decides to cut the network, to keep seeing patients and to bring systems back, and who stands in when that person is away. ' +
        'Any staff member who notices an attack may unplug the affected computer at once without waiting.',
    },
  },
  {
    key: 'networkStopCriteria',
    heading: 'ネットワークを切る判断の基準と手順',
    guidance:
      'どんなことが起きたらネットワークを切るかを、具体的に書きます（例：身代金を求める画面が出た、ファイルが開けない・名前が変わった、事業者やセキュリティの会社から連絡があった）。' +
      '切り方も書きます：LANケーブルを抜く、Wi-Fiを切る、ルーターの電源を切る、など。' +
      '感染したパソコンの電源は切らず、画面をスマートフォンで撮影しておくと、あとの調査に役立ちます。' +
      'どの機器から切るか（インターネットの出入口、感染したパソコン、バックアップ）の順番も決めておきましょう。',
    example:
      '次のどれかが起きたら、すぐにネットワークを切る。\n' +
      '・画面に「お金を払え」「ファイルを暗号化した」などの表示が出た\n' +
      '・電子カルテやファイルが急に開けない、ファイル名が変わっている\n' +
      '・事業者、警察、厚生労働省などから「攻撃を受けている」と連絡があった\n' +
      '手順：①そのパソコンのLANケーブルを抜き、Wi-Fiを切る（電源は切らない）②画面をスマートフォンで撮る ③つながっている外付けハードディスクを外す ④院長の指示でルーターの電源を切る。',
    en: {
      heading: 'When and how to cut the network',
      guidance:
        'List the signs that mean "disconnect now" (a ransom note, files that will not open or were renamed, a warning from the vendor or the authorities) and how to disconnect. ' +
        'Leave the infected computer powered on and photograph the screen; disconnect backups too.',
    },
  },
  {
    key: 'communication',
    heading: '連絡する先と順番',
    guidance:
      '誰が、誰に、どの順番で連絡するかを、院内（院長、担当者、職員）と院外（システムの事業者、セキュリティの会社、警察、厚生労働省）に分けて書きます。' +
      'サイバー攻撃が疑われるときは厚生労働省（医政局 特定医薬品開発支援・医療情報担当参事官室 03-6812-7837）にも連絡します。184をつけた発信や公衆電話からは受け付けられないので、医療機関の電話からかけてください。' +
      '身代金の要求には応じず、まず警察と厚生労働省に相談しましょう。' +
      '連絡体制図をこの計画に付けておくと迷いません。',
    example:
      '①気づいた職員 → 院長（不在なら副院長）\n' +
      '②院長 → 電子カルテの事業者 ○○メディカル サポート窓口 0120-000-000（平日9〜18時、時間外は 090-0000-0000）\n' +
      '③院長 → 厚生労働省 医政局 特定医薬品開発支援・医療情報担当参事官室 03-6812-7837（医院の電話から）\n' +
      '④院長 → ○○県警察 サイバー犯罪相談窓口 000-000-0000\n' +
      '⑤事務長 → 予約のある患者さんに電話で事情を伝える。必要なら歯科医師会・保健所にも連絡する。\n' +
      '連絡した時刻・相手・内容は、紙の「対応記録」に書いておく。',
    en: {
      heading: 'Who to contact, in which order',
      guidance:
        'Write who calls whom and in which order, inside the clinic and outside: the system vendor, a security company, the police and the Ministry of Health, Labour and Welfare ' +
        "(03-6812-7837; call from the clinic's phone, not withheld or from a payphone). Do not pay a ransom; talk to the police and the ministry first. Attach the contact chart.",
    },
  },
  {
    key: 'paperOperations',
    heading: '紙で続ける診療・業務',
    guidance:
      'パソコンが使えない間、どの診療や業務を続け、どれを止めるかを決めます（例：急ぎの患者さんは診る、新しい予約は電話で受けて紙に書く、自費の説明は後日にする）。' +
      '受付、カルテ、処方、会計、レントゲンなど、業務ごとに紙でのやり方を書きます。' +
      '保険証の確認や会計の計算など、紙ではむずかしいことへの対応も決めておきましょう。',
    example:
      '続ける：予約済みの患者さんの治療、痛みや腫れなど急ぎの患者さん。\n' +
      '止める・延ばす：新しい自費治療の相談、定期検診（電話で日をずらしてもらう）。\n' +
      '受付：紙の受付票に氏名・生年月日・保険証の番号を書き、保険証はコピーをとる（オンライン資格確認が使えないため）。\n' +
      'カルテ：紙のカルテ用紙に手書きし、日付と患者さんの名前で綴じる。\n' +
      'レントゲン：撮影できない間は、必要な患者さんを近くの○○歯科に紹介する。\n' +
      '会計：概算でいただき、領収書は手書き。後日精算することを説明する。',
    en: {
      heading: 'Carrying on on paper',
      guidance:
        'Decide which services continue and which stop while the systems are down, and how reception, records, prescriptions, imaging and billing are done on paper. ' +
        'Plan for what paper cannot do easily, such as checking insurance eligibility.',
    },
  },
  {
    key: 'recoverySteps',
    heading: 'システムを元に戻す手順',
    guidance:
      '事業者と一緒に、どの順番でシステムを元に戻すかを書きます。' +
      'まず感染の原因と広がりを調べ、パソコンの初期化や入れ替えをしてから、攻撃を受ける前のバックアップを使って戻します。' +
      'バックアップ自体が感染していないかを確かめてから使うこと、戻したあとにパスワードを変えることも書いておきましょう。' +
      'どのくらいの時間で戻せそうか（目安）も書くと、紙での診療をいつまで続けるかを決めやすくなります。',
    example:
      '①事業者に来てもらい、感染したパソコンと広がりを確認してもらう（院長が立ち会う）。\n' +
      '②感染したパソコンは初期化するか、事業者が用意する代わりのパソコンに入れ替える。\n' +
      '③院長の金庫に保管している外付けハードディスク（ネットワークから外していたもの）から、感染前の日のデータを戻す。事業者がウイルスがないことを確認してから使う。\n' +
      '④電子カルテとレセプトが正しく動くか、数名の患者さんのデータで確認する。\n' +
      '⑤全員のパスワードとルーターの管理者パスワードを変える。\n' +
      '目安：事業者の到着から2日。院長が「使ってよい」と決めてから使い始める。',
    en: {
      heading: 'Restoring the systems',
      guidance:
        'With the vendor, find the cause and the extent, rebuild or replace the infected computers, then restore from a backup taken before the attack after checking it is clean. ' +
        'Change passwords afterwards, and note how long recovery is expected to take.',
    },
  },
  {
    key: 'reentryProcedure',
    heading: '紙の記録をあとから入力する手順',
    guidance:
      'システムが戻ったら、紙で行った受付・診療・会計を電子カルテやレセプトに入力します。' +
      '誰が、どの順番で入力し、入力が終わった紙にどう印をつけるか、入力したあとの紙をどこに保管するかを決めます。' +
      'バックアップを戻した日から攻撃に気づいた日までの記録が抜けていないかも確かめましょう。',
    example:
      '・入力する人：受付の職員2名。カルテの内容は歯科医師が確認する。\n' +
      '・順番：日付の古い順に、受付 → カルテ → 会計の順で入力する。\n' +
      '・入力が済んだ紙には右上に「入力済 日付・名前」と書く。\n' +
      '・バックアップの日から攻撃の日までの記録は、予約表と会計メモを見て抜けがないか確認する。\n' +
      '・入力を終えた紙のカルテは、診療録として5年間、鍵のかかる棚に保管する。',
    en: {
      heading: 'Entering the paper records afterwards',
      guidance:
        'Once the systems are back, enter what was done on paper: who enters it, in which order, how finished sheets are marked and where the paper is kept. ' +
        'Check for gaps between the day of the restored backup and the day the attack was noticed.',
    },
  },
  {
    key: 'review',
    heading: '見直しと訓練の記録',
    guidance:
      'この計画は少なくとも年に1回見直し、職員の交代、電話番号、パソコンや事業者が変わったときにも直します。' +
      '訓練や見直しをした日、参加した人、気づいたことを記録しておきます。' +
      '記録は立入検査のときに、計画があることの説明にも使えます。',
    example:
      '2025年11月12日 昼休みに読み合わせ（院長・職員4名）。事業者の時間外の電話番号が変わっていたので直した。ルーターの場所を全員で確認した。\n' +
      '次回：2026年11月（新しい職員が入ったときはその月に説明する）',
    en: {
      heading: 'Reviews and drills',
      guidance:
        'Review this plan at least once a year and whenever staff, phone numbers, computers or vendors change. ' +
        'Record the date, the participants and what was learned; the record also shows inspectors that the plan is kept up.',
    },
  },
];

/** The template section of a BCP essentials field (every field has one). */
export function bcpTemplateSection(key: BcpSectionKey): BcpTemplateSection | undefined {
  return bcpTemplate.find((section) => section.key === key);
}
