/** Dialog ids are stored in conversation state: renaming one strands conversations in it. */
export const DialogIds = {
  main: 'main',
  nickname: 'nickname',
  deleteData: 'deleteData',
  safety: 'safety',
  handoff: 'handoff',
  practice: 'practice',
  accommodation: 'accommodation',
} as const;
