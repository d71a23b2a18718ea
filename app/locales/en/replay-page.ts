const replayPage = {
  replayPage: {
    kicker: 'Replay',
    host: 'Hosted by',
    aired: 'Aired {{date}}',
    length: 'Length {{duration}}',
    unpublished: 'Not published: only the hosting company and the fair organizer can see this replay.',
    playerLabel: 'Replay player',
    videoLabel: 'Replay video: {{title}}',
    state: {
      idle: 'Loading the replay…',
      loading: 'Loading the replay…',
      playing: 'Playing',
      paused: 'Paused',
      buffering: 'Buffering…',
      error: 'Playback stopped',
    },
    errors: {
      unsupported: 'This browser cannot play the replay. Try a current version of Chrome, Edge, Firefox or Safari.',
      'not-found': 'The replay is no longer available.',
      network: 'The replay could not be loaded. Check your connection and try again.',
      media: 'The replay could not be played. Try again.',
    },
    retry: 'Try again',
    chapters: 'Chapters',
    chaptersLabel: 'Products shown in this showcase',
    noChapters: 'No products were pinned during this showcase.',
    chapterButton: 'Jump to {{name}} at {{time}}',
    nowShowing: 'Now showing',
    chat: 'Chat replay',
    chatLabel: 'Chat messages up to this point of the replay',
    chatEmpty: 'No messages yet at this point of the show.',
    chatTruncated: 'The chat replay shows the first {{count}} messages of the show.',
  },
}

export default replayPage
