// The signed-in user and the session's CSRF token (会话).
//
// `ensureLoaded` asks the server once per page load; afterwards the store is
// the source of truth until sign-in, sign-out or a 401 (see main.ts).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { isApiError } from '@/api/error'
import * as sessionApi from '@/api/session'
import type { Credentials, SessionInfo, User } from '@/api/session'

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref<string | null>(null)
  const loaded = ref(false)
  let pending: Promise<User | null> | null = null

  const signedIn = computed(() => user.value !== null)

  function apply(info: SessionInfo | null): void {
    user.value = info?.user ?? null
    csrfToken.value = info?.csrfToken ?? null
    loaded.value = true
  }

  /** Fetches /me unless already known. Network failures reject; 401 means signed out. */
  function ensureLoaded(): Promise<User | null> {
    if (loaded.value) return Promise.resolve(user.value)
    pending ??= refresh().finally(() => {
      pending = null
    })
    return pending
  }

  async function refresh(): Promise<User | null> {
    try {
      apply(await sessionApi.fetchMe())
    } catch (e) {
      if (!isApiError(e) || e.status !== 401) throw e
      apply(null)
    }
    return user.value
  }

  /** Rejects with the server's ApiError (401 invalid_credentials / totp_required, 423 …). */
  async function signIn(credentials: Credentials): Promise<User> {
    const info = await sessionApi.signIn(credentials)
    apply(info)
    return info.user
  }

  async function signOut(): Promise<void> {
    try {
      await sessionApi.signOut()
    } finally {
      clear()
    }
  }

  /** Forgets the session locally (after a 401 or sign-out). */
  function clear(): void {
    apply(null)
  }

  return { user, csrfToken, loaded, signedIn, ensureLoaded, refresh, signIn, signOut, clear }
})
