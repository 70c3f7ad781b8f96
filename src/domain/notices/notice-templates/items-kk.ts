// How each platform's items are named in Kazakh, in the platform's own terms, by identifier kind.
import type { ItemPatterns } from './types.ts'

// Keys and placeholders are the identifiers the parsers in ../url-recognition/ produce. The identifier comes
// first and the noun takes the possessive ending (@news арнасы), as a Kazakh noun phrase requires.
export const ITEMS_KK: ItemPatterns = {
  telegram: {
    message: ['@{channel} арнасы, № {message} хабарлама', '{channelId} жабық арнасы, № {message} хабарлама'],
    comment: ['@{channel} арнасы, № {message} хабарламаға № {comment} пікір'],
    channel: ['@{channel} арнасы', '{channelId} жабық арнасы'],
    invite: ['+{inviteHash} шақыру сілтемесі']
  },
  tiktok: {
    video: ['@{user} пайдаланушысының {videoId} бейнесі', '{videoId} бейнесі'],
    photo: ['{photoId} фотожарияланымы'],
    profile: ['@{user} аккаунты'],
    live: ['@{user} тікелей эфирі (LIVE)'],
    short_link: ['{shortCode} қысқа сілтемесі']
  },
  facebook: {
    post: ['{owner} парақшасындағы {postId} жарияланым', '{group} тобындағы {postId} жарияланым'],
    video: ['{videoId} бейнесі'],
    photo: ['{photoId} суреті'],
    profile: ['{page} парақшасы', '{profileId} профилі'],
    group: ['{group} тобы'],
    event: ['{eventId} іс-шарасы'],
    short_link: ['{shortCode} қысқа сілтемесі']
  },
  instagram: {
    post: ['{shortcode} жарияланымы немесе Reels бейнесі'],
    story: ['@{username} пайдаланушысының {storyId} сторисі'],
    highlight: ['{highlightId} таңдаулы сторис жинағы'],
    profile: ['@{username} аккаунты'],
    short_link: ['{shortCode} қысқа сілтемесі']
  },
  vk: {
    comment: ['{ownerId}_{postId} қабырға жазбасына {commentId} пікір'],
    post: ['{ownerId}_{postId} қабырға жазбасы'],
    video: ['{videoOwnerId}_{videoId} бейнежазбасы'],
    photo: ['{photoOwnerId}_{photoId} суреті'],
    topic: ['{topicOwnerId}_{topicId} талқылау тақырыбы'],
    file: ['{docOwnerId}_{docId} құжаты'],
    profile: ['id{userId} пайдаланушы парақшасы', '{screenName} парақшасы'],
    community: ['club{communityId} қауымдастығы'],
    article: ['@{article} мақаласы']
  },
  ok: {
    post: [
      '{groupId} тобындағы {topicId} тақырып', '{userId} пайдаланушысының {statusId} жазбасы',
      '{screenName} парақшасындағы {topicId} тақырып', '{screenName} парақшасындағы {statusId} жазба'
    ],
    video: ['{videoId} бейнесі'],
    group: ['{groupId} тобы'],
    profile: ['{userId} профилі', '{screenName} парақшасы']
  },
  mailru: {
    post: [
      '{mailDomain}/{user} пайдаланушысының {postId} жарияланымы',
      '{community} қауымдастығындағы {postId} жарияланым'
    ],
    video: [
      '{mailDomain}/{user} пайдаланушысының {album} альбоміндегі {videoId} бейнесі',
      '{community} қауымдастығының {album} альбоміндегі {videoId} бейнесі'
    ],
    photo: [
      '{mailDomain}/{user} пайдаланушысының {album} альбоміндегі {photoId} суреті',
      '{community} қауымдастығының {album} альбоміндегі {photoId} суреті'
    ],
    profile: ['{mailDomain}/{user} парақшасы'],
    community: ['{community} қауымдастығы']
  },
  livejournal: {
    comment: ['{user} журналындағы {postId} жазбаға {thread} пікірлер тармағы'],
    post: ['{user} журналындағы {postId} жазба'],
    profile: ['{user} журналы']
  },
  linkedin: {
    post: [
      'urn:li:activity:{activityId} жарияланымы',
      'urn:li:share:{shareId} жарияланымы',
      'urn:li:ugcPost:{ugcPostId} жарияланымы'
    ],
    profile: ['{user} профилі'],
    company: ['{company} компания парақшасы'],
    article: ['{article} мақаласы'],
    short_link: ['lnkd.in/{shortCode} қысқа сілтемесі']
  },
  youtube: {
    video: ['{videoId} бейнесі'],
    channel: ['@{handle} арнасы', '{channelId} арнасы', '{customName} арнасы', '{legacyUser} арнасы'],
    playlist: ['{playlistId} ойнату тізімі'],
    post: ['{postId} қауымдастық жарияланымы']
  },
  x: {
    post: ['@{user} пайдаланушысының {statusId} жазбасы (статус)', '{statusId} жазбасы (статус)'],
    profile: ['@{user} аккаунты'],
    space: ['{spaceId} Spaces аудиочаты'],
    live: ['{broadcastId} трансляциясы'],
    short_link: ['t.co/{shortCode} қысқа сілтемесі']
  }
}
