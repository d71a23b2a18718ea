import type en from '../en/ingest'
import type { MessagesOf } from '../types'

const ingest: MessagesOf<typeof en, 'zh-Hans'> = {
  ingest: {
    source: { legend: '视频来源', camera: '浏览器摄像头', encoder: '编码器（OBS、硬件）' },
    title: '编码器信号',
    preview: '编码器信号预览',
    noFeed: '尚无信号。请将编码器指向下方地址并开始推流。',
    health: '信号状态',
    bitrate: '码率',
    kbps: '{{value}} kbit/s',
    resolution: '分辨率',
    fps: '帧率',
    loss: '丢包率',
    state: {
      none: '未连接编码器',
      waiting: '编码器已连接，等待媒体',
      receiving: '正在接收',
      stalled: '已停滞：数秒内没有媒体',
      stopped: '已停止',
    },
    whipUrl: 'WHIP 地址（OBS 30 及以上：服务选“WHIP”）',
    rtmpUrl: 'RTMP 服务器',
    rtmpOff: '本服务器未开启 RTMP 推流接入。',
    streamKey: '推流密钥 / Bearer 令牌',
    noKey: '尚无推流密钥：请先创建一个以连接编码器。',
    encoderSettings:
      '编码器设置：视频 H.264（档次 baseline 或 main，无 B 帧）或 VP8，音频 AAC 或 Opus，每 1–2 秒一个关键帧（OBS：输出 → 关键帧间隔 2）。间隔越长，新观众等待画面的时间越长。',
    keyNote: '请妥善保密密钥。更换密钥会断开使用旧密钥的编码器。',
    copy: '复制',
    copied: '已复制',
    copyLabel: '复制{{field}}',
    rotate: '更换密钥',
    create: '创建推流密钥',
    rotating: '处理中…',
    rotateConfirm: '要生成新密钥吗？使用当前密钥的编码器将立即断开。',
    loading: '正在加载编码器设置…',
    goLiveNote: '开播后观众将看到编码器信号；请先在编码器上开始推流。',
    errors: { invalid: '无法理解此请求。', notShowcase: '只有直播展示才能接入编码器信号。' },
  },
}

export default ingest
