// Icon components for the menu's icon names.
import type { Component } from 'vue'
import {
  Document,
  DocumentAdd,
  Folder,
  Key,
  List,
  Lock,
  OfficeBuilding,
  Setting,
  Stamp,
  Tickets,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import type { MenuIcon } from './menu'

export const menuIcons: Record<MenuIcon, Component> = {
  todo: Tickets,
  matters: Folder,
  matterList: List,
  matterNew: DocumentAdd,
  system: Setting,
  user: User,
  org: OfficeBuilding,
  role: Stamp,
  audit: Document,
  profile: UserFilled,
  password: Lock,
  totp: Key,
}
