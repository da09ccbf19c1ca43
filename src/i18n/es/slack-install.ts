import type { slackInstall as en } from '../en/slack-install.ts';

/** Las páginas de instalación en Slack de la app distribuida (/slack/install, /slack/oauth_redirect). */
export const slackInstall: Record<keyof typeof en, string> = {
  'slack.install.title': 'Añade Sheriff Watch a tu espacio de trabajo de Slack',
  'slack.install.intro':
    'Sheriff Watch les dice a tus miembros quién es el sheriff de su condado, qué postura tiene ante ICE (acuerdos 287(g), órdenes de retención) y cuándo son la próxima elección de sheriff y las reuniones de la junta del condado, y publica recordatorios en los canales que se suscriben.',
  'slack.install.managers': 'Quien lo instala, y quienes administran o son dueños del espacio de trabajo, gestionan sus suscripciones y su idioma en tu espacio de trabajo.',
  'slack.install.button': 'Añadir a Slack',
  'slack.install.done.title': 'Sheriff Watch está instalado en {workspace}',
  'slack.install.done.next': 'En Slack, escribe {command} en un canal, por ejemplo {example}, o {help} para ver todos los comandos.',
  'slack.install.done.open': 'Abrir Slack',
  'slack.install.failed.title': 'Sheriff Watch no se instaló',
  'slack.install.failed.why': 'Slack dijo: {reason}.',
  'slack.install.failed.again': 'Vuelve a empezar desde {link}. Si sigue fallando, avisa a quien administra este bot y copia el mensaje de arriba.',
  'paused.reason.access_revoked': 'el bot fue desinstalado del espacio de trabajo o se revocó su acceso',
};
