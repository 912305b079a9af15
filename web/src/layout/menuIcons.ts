// Icon components for the menu's icon names.
import type { Component } from 'vue'
import { Document, Key, Lock, OfficeBuilding, Setting, Stamp, Tickets, User, UserFilled } from '@element-plus/icons-vue'
import type { MenuIcon } from './menu'

export const menuIcons: Record<MenuIcon, Component> = {
  todo: Tickets,
  system: Setting,
  user: User,
  org: OfficeBuilding,
  role: Stamp,
  audit: Document,
  profile: UserFilled,
  password: Lock,
  totp: Key,
}
