// How each platform's items are named in Russian, in the platform's own terms, by identifier kind.
import type { ItemPatterns } from './types.ts'

// Keys and placeholders are the identifiers the parsers in ../url-recognition/ produce.
export const ITEMS_RU: ItemPatterns = {
  telegram: {
    message: ['Канал @{channel}, сообщение № {message}', 'Закрытый канал {channelId}, сообщение № {message}'],
    comment: ['Канал @{channel}, комментарий № {comment} к сообщению № {message}'],
    channel: ['Канал @{channel}', 'Закрытый канал {channelId}'],
    invite: ['Ссылка-приглашение +{inviteHash}']
  },
  tiktok: {
    video: ['Видео {videoId} пользователя @{user}', 'Видео {videoId}'],
    photo: ['Фотопубликация {photoId}'],
    profile: ['Аккаунт @{user}'],
    live: ['Прямой эфир (LIVE) @{user}'],
    short_link: ['Короткая ссылка {shortCode}']
  },
  facebook: {
    post: ['Публикация {postId} на странице {owner}', 'Публикация {postId} в группе {group}'],
    video: ['Видео {videoId}'],
    photo: ['Фото {photoId}'],
    profile: ['Страница {page}', 'Профиль {profileId}'],
    group: ['Группа {group}'],
    event: ['Мероприятие {eventId}'],
    short_link: ['Короткая ссылка {shortCode}']
  },
  instagram: {
    post: ['Публикация или Reels {shortcode}'],
    story: ['История {storyId} пользователя @{username}'],
    highlight: ['Актуальное {highlightId}'],
    profile: ['Аккаунт @{username}'],
    short_link: ['Короткая ссылка {shortCode}']
  },
  vk: {
    comment: ['Комментарий {commentId} к записи на стене {ownerId}_{postId}'],
    post: ['Запись на стене {ownerId}_{postId}'],
    video: ['Видеозапись {videoOwnerId}_{videoId}'],
    photo: ['Фотография {photoOwnerId}_{photoId}'],
    topic: ['Тема обсуждения {topicOwnerId}_{topicId}'],
    file: ['Документ {docOwnerId}_{docId}'],
    profile: ['Страница пользователя id{userId}', 'Страница {screenName}'],
    community: ['Сообщество club{communityId}'],
    article: ['Статья @{article}']
  },
  ok: {
    post: [
      'Тема {topicId} в группе {groupId}', 'Заметка {statusId} пользователя {userId}',
      'Тема {topicId} на странице {screenName}', 'Заметка {statusId} на странице {screenName}'
    ],
    video: ['Видео {videoId}'],
    group: ['Группа {groupId}'],
    profile: ['Профиль {userId}', 'Страница {screenName}']
  },
  mailru: {
    post: ['Публикация {postId} пользователя {mailDomain}/{user}', 'Публикация {postId} в сообществе {community}'],
    video: [
      'Видео {videoId} в альбоме {album} пользователя {mailDomain}/{user}',
      'Видео {videoId} в альбоме {album} сообщества {community}'
    ],
    photo: [
      'Фото {photoId} в альбоме {album} пользователя {mailDomain}/{user}',
      'Фото {photoId} в альбоме {album} сообщества {community}'
    ],
    profile: ['Страница {mailDomain}/{user}'],
    community: ['Сообщество {community}']
  },
  livejournal: {
    comment: ['Ветка комментариев {thread} к записи {postId} в журнале {user}'],
    post: ['Запись {postId} в журнале {user}'],
    profile: ['Журнал {user}']
  },
  linkedin: {
    post: [
      'Публикация urn:li:activity:{activityId}',
      'Публикация urn:li:share:{shareId}',
      'Публикация urn:li:ugcPost:{ugcPostId}'
    ],
    profile: ['Профиль {user}'],
    company: ['Страница компании {company}'],
    article: ['Статья {article}'],
    short_link: ['Короткая ссылка lnkd.in/{shortCode}']
  },
  youtube: {
    video: ['Видео {videoId}'],
    channel: ['Канал @{handle}', 'Канал {channelId}', 'Канал {customName}', 'Канал {legacyUser}'],
    playlist: ['Плейлист {playlistId}'],
    post: ['Публикация в сообществе {postId}']
  },
  x: {
    post: ['Пост (статус) {statusId} пользователя @{user}', 'Пост (статус) {statusId}'],
    profile: ['Аккаунт @{user}'],
    space: ['Аудиочат Spaces {spaceId}'],
    live: ['Трансляция {broadcastId}'],
    short_link: ['Короткая ссылка t.co/{shortCode}']
  }
}
