// Fair schedule (ADR 022): idle breaks in the participants' agendas, and offering freed slots again.
const scheduleRefill = {
  scheduleRefill: {
    breaks: {
      title: '일정 중 빈 시간',
      hint: '빈 시간이란 하루 중 첫 미팅과 마지막 미팅 사이에 아무 일정이 없는 구간입니다. 일정표는 찾은 미팅을 모두 유지한 채 미팅을 다른 슬롯으로 옮겨 빈 시간을 줄입니다(미팅이 있는 참가자 {{participants}}명).',
      total: '전체 일정의 빈 시간',
      mean: '참가자당 빈 시간(평균)',
      max: '한 참가자의 최대 빈 시간',
      withBreaks: '빈 시간이 있는 참가자',
      before: '압축 전: {{value}}',
    },
    freed: {
      title: '비게 된 슬롯',
      none: '게시된 미팅 중 슬롯 전에 취소·거절·만료된 것이 없습니다.',
      summary_other: '게시된 미팅 {{count}}건이 슬롯 전에 취소되어 일정에 {{places}}자리가 비었습니다.',
      hint: '다시 배정해도 유지되는 미팅은 그대로 두고, 이미 시작된 슬롯은 제외하며, 취소된 조합은 다시 제안하지 않습니다. 새 미팅을 검토한 뒤 평소처럼 게시하세요.',
      refill: '비게 된 슬롯 다시 배정',
      refilling: '비게 된 슬롯 배정 중…',
      result_other: '초안이 비게 된 {{freed}}자리 중 {{refilled}}자리를 새 미팅 {{count}}건으로 채웁니다.',
    },
  },
}
export default scheduleRefill
