// Fair schedule (ADR 022): idle breaks in the participants' agendas, and offering freed slots again.
const scheduleRefill = {
  scheduleRefill: {
    breaks: {
      title: '日程の空き時間',
      hint: '空き時間とは、その日の最初と最後の商談の間に予定のない区間です。スケジュールは見つけた商談をすべて保ったまま、商談を別の枠に移して空き時間を減らします（商談のある参加者 {{participants}} 名）。',
      total: '全日程の空き時間',
      mean: '参加者あたりの空き時間（平均）',
      max: '一人の参加者の最大空き時間',
      withBreaks: '空き時間のある参加者',
      before: '圧縮前: {{value}}',
    },
    freed: {
      title: '空いた枠',
      none: '公開済みの商談で、枠の前に取り消し・辞退・期限切れになったものはありません。',
      summary_other: '公開済みの商談 {{count}} 件が枠の前に取りやめになり、日程に {{places}} 件の空きができました。',
      hint: '再割り当てでは、残っている商談はそのままにし、開始済みの枠は除き、取りやめになった組み合わせは再提案しません。新しい商談を確認し、通常どおり公開してください。',
      refill: '空いた枠を再割り当て',
      refilling: '空いた枠を割り当て中…',
      result_other: '下書きは空いた {{freed}} 件のうち {{refilled}} 件を新しい商談 {{count}} 件で埋めます。',
    },
  },
}
export default scheduleRefill
