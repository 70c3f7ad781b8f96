// How each platform's items are named in English, in the platform's own terms, by identifier kind.
import type { ItemPatterns } from './types.ts'

// Keys and placeholders are the identifiers the parsers in ../url-recognition/ produce.
export const ITEMS_EN: ItemPatterns = {
  telegram: {
    message: ['Channel @{channel}, message No. {message}', 'Private channel {channelId}, message No. {message}'],
    comment: ['Channel @{channel}, comment No. {comment} on message No. {message}'],
    channel: ['Channel @{channel}', 'Private channel {channelId}'],
    invite: ['Invite link +{inviteHash}']
  },
  tiktok: {
    video: ['Video {videoId} by @{user}', 'Video {videoId}'],
    photo: ['Photo post {photoId}'],
    profile: ['Account @{user}'],
    live: ['LIVE broadcast of @{user}'],
    short_link: ['Share link {shortCode}']
  },
  facebook: {
    post: ['Post {postId} on {owner}', 'Post {postId} in group {group}'],
    video: ['Video {videoId}'],
    photo: ['Photo {photoId}'],
    profile: ['Page {page}', 'Profile {profileId}'],
    group: ['Group {group}'],
    event: ['Event {eventId}'],
    short_link: ['Share link {shortCode}']
  },
  instagram: {
    post: ['Post or reel {shortcode}'],
    story: ['Story {storyId} by @{username}'],
    highlight: ['Story highlight {highlightId}'],
    profile: ['Account @{username}'],
    short_link: ['Share link {shortCode}']
  },
  vk: {
    comment: ['Comment {commentId} on wall post {ownerId}_{postId}'],
    post: ['Wall post {ownerId}_{postId}'],
    video: ['Video {videoOwnerId}_{videoId}'],
    photo: ['Photo {photoOwnerId}_{photoId}'],
    topic: ['Discussion topic {topicOwnerId}_{topicId}'],
    file: ['Document {docOwnerId}_{docId}'],
    profile: ['User page id{userId}', 'Page {screenName}'],
    community: ['Community club{communityId}'],
    article: ['Article @{article}']
  },
  ok: {
    post: [
      'Topic {topicId} in group {groupId}', 'Status {statusId} of user {userId}',
      'Topic {topicId} on page {screenName}', 'Status {statusId} on page {screenName}'
    ],
    video: ['Video {videoId}'],
    group: ['Group {groupId}'],
    profile: ['Profile {userId}', 'Page {screenName}']
  },
  mailru: {
    post: ['Post {postId} of {mailDomain}/{user}', 'Post {postId} in community {community}'],
    video: [
      'Video {videoId} in album {album} of {mailDomain}/{user}',
      'Video {videoId} in album {album} of community {community}'
    ],
    photo: [
      'Photo {photoId} in album {album} of {mailDomain}/{user}',
      'Photo {photoId} in album {album} of community {community}'
    ],
    profile: ['Page {mailDomain}/{user}'],
    community: ['Community {community}']
  },
  livejournal: {
    comment: ['Comment thread {thread} under entry {postId} in the journal {user}'],
    post: ['Entry {postId} in the journal {user}'],
    profile: ['Journal {user}']
  },
  linkedin: {
    post: ['Post urn:li:activity:{activityId}', 'Post urn:li:share:{shareId}', 'Post urn:li:ugcPost:{ugcPostId}'],
    profile: ['Profile {user}'],
    company: ['Company page {company}'],
    article: ['Article {article}'],
    short_link: ['Short link lnkd.in/{shortCode}']
  },
  youtube: {
    video: ['Video {videoId}'],
    channel: ['Channel @{handle}', 'Channel {channelId}', 'Channel {customName}', 'Channel {legacyUser}'],
    playlist: ['Playlist {playlistId}'],
    post: ['Community post {postId}']
  },
  x: {
    post: ['Post (status) {statusId} by @{user}', 'Post (status) {statusId}'],
    profile: ['Account @{user}'],
    space: ['Space {spaceId}'],
    live: ['Broadcast {broadcastId}'],
    short_link: ['Short link t.co/{shortCode}']
  }
}
