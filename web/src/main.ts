// Composition root: builds the app and wires the HTTP wrapper to the session and router.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles/app.css'
import App from './App.vue'
import { configureHttp } from './api/http'
import { createAuthDirective } from './directives/auth'
import { createAppRouter } from './router'
import { LOGIN_PATH } from './router/meta'
import { usePermissionStore } from './stores/permission'
import { useSessionStore } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter()

const session = useSessionStore(pinia)
const permissions = usePermissionStore(pinia)

configureHttp({
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => {
    // The session ended on the server (idle timeout, signed out elsewhere).
    session.clear()
    const here = router.currentRoute.value
    if (here.meta.public) return
    void router.replace({ path: LOGIN_PATH, query: { redirect: here.fullPath } })
  },
})

app.directive('auth', createAuthDirective((required) => permissions.can(required)))
app.use(router)
app.mount('#app')
