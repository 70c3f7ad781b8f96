// The format-neutral notice document: what the composer produces and every renderer (text, HTML, PDF) consumes.
import type { NoticeLang } from './notice-content.ts'

export type Block =
  | { kind: 'heading', text: string }
  // A paragraph may hold '\n' where the composer wants a hard line break (an address, a citation).
  | { kind: 'paragraph', text: string }
  | { kind: 'fields', rows: FieldRow[] }
  | { kind: 'list', ordered: boolean, items: string[] }
  // linkColumn: the column whose cells are URLs (clickable in HTML and PDF, never broken inside).
  | { kind: 'table', columns: string[], rows: string[][], linkColumn?: number }

export interface FieldRow {
  label: string
  value: string
}

export interface SignatureInfo {
  // Already in the document's language ('Electronic signature', 'Электронная подпись', 'Электрондық қолтаңба'),
  // so renderers never carry vocabulary of their own.
  label: string
  algorithm: string
  keyId: string
  fingerprint: string
}

export interface NoticeDocument {
  lang: NoticeLang
  title: string
  letterhead: string[]
  blocks: Block[]
  signature: SignatureInfo
  pageLabel: (page: number, pages: number) => string
  // The PDF's CreationDate (default: now); given, the same document always renders to the same PDF bytes.
  issuedAt?: Date
}
