# hushlink: the pages' strings in Spanish.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · comparte un secreto
brand = hushlink
tagline = Comparte un secreto mediante un enlace que solo funciona una vez.
footer = Cifrado por el servidor (formato SnapPass). La clave solo está en el enlace; el servidor ve el secreto mientras lo crea y lo revela, y no guarda nada que pueda leer.

form-heading = Compartir un secreto
form-intro = Pega una contraseña o cualquier otro secreto. Obtendrás un enlace que lo muestra una sola vez; después, el secreto se elimina.
form-secret-label = Secreto
form-secret-placeholder = Escribe o pega aquí el secreto
form-ttl-label = Caduca en
ttl-two-weeks = Dos semanas
ttl-week = Una semana
ttl-day = Un día
ttl-hour = Una hora
form-views-label = Visualizaciones permitidas
form-views-hint = Cuántas veces se puede abrir el enlace antes de que se elimine el secreto.
form-submit = Crear enlace
form-too-large = Este secreto ocupa { $size } bytes y este servidor acepta { $limit } bytes como máximo. No se ha guardado nada: acórtalo o divídelo en partes.
form-views-invalid = Las visualizaciones permitidas deben ser un número entero del 1 al 100.
form-kept = Tu secreto sigue en el formulario de abajo; no se ha guardado nada.

link-heading = Tu enlace está listo
link-intro = Envía este enlace a la persona que necesita el secreto. Solo funciona tantas veces como hayas permitido y caduca por sí solo.
link-label = Enlace secreto
link-qr-label = Código QR del enlace
link-another = Compartir otro secreto

copy = Copiar
copied = Copiado

preview-heading = Alguien ha compartido un secreto contigo
preview-intro = Muéstralo solo cuando puedas guardarlo en un lugar seguro: una vez mostrado, puede que desaparezca para siempre.
preview-views-left = Visualizaciones restantes: { $n }
preview-reveal = Mostrar el secreto

reveal-heading = Tu secreto
reveal-label = Secreto
reveal-gone = Este secreto ya se ha eliminado del servidor y el enlace ha dejado de funcionar. Guárdalo en un lugar seguro antes de salir de esta página.
reveal-views-left = Visualizaciones restantes de este enlace: { $n }.

not-found-heading = Secreto no encontrado
not-found-body = Este enlace no contiene ningún secreto. Puede que ya se haya visto, que haya caducado o que nunca haya existido.
not-found-hint = Si alguien te envió este enlace, pídele que vuelva a compartir el secreto.

damaged-heading = Este enlace está dañado o incompleto
damaged-body = El enlace apunta a un secreto, pero le falta una parte o se ha alterado, así que el secreto no se puede abrir. No se ha eliminado: vuelve a copiar el enlace completo o pide a quien te lo envió que te lo mande de nuevo.

invalid-heading = Falta algo
invalid-body = Escribe un secreto y elige durante cuánto tiempo debe estar disponible.

bad-request-heading = No se puede responder a esta solicitud
bad-request-body = Esta dirección no se usa de esa forma, o la solicitud indicó un host que este servidor no puede poner en un enlace. Vuelve a empezar desde la página de inicio.

too-large-heading = Ese secreto es demasiado grande
too-large-body = Este servidor acepta secretos de { $limit } bytes como máximo. No se ha guardado nada: comparte un secreto más pequeño o divídelo en partes.

unavailable-heading = No disponible temporalmente
unavailable-body = El servidor no puede acceder a su almacenamiento en este momento. No se ha modificado nada. Vuelve a intentarlo en unos instantes.
over-quota-heading = Se ha alcanzado la cuota de almacenamiento
over-quota-body = Este servidor ya guarda tantos secretos como permite su cuota de almacenamiento. No se ha guardado nada. El espacio se recupera cuando los secretos se abren o caducan: vuelve a intentarlo más tarde.
too-many-creates-heading = Demasiados secretos
too-many-creates-body = Se han creado demasiados secretos desde esta dirección. No se ha guardado nada. Vuelve a intentarlo dentro de { $n } segundos.

link-receipt = Seguir o borrar este secreto (guarda este enlace para ti)
receipt-heading = Qué ha pasado con tu secreto
receipt-intro = Esta página es solo para quien envió el secreto: no compartas su dirección. Muestra qué ha pasado con el secreto, nunca el secreto ni quién lo abrió.
receipt-state-available = Todavía disponible: el enlace funciona.
receipt-state-viewed = Visto: se han usado todas las visualizaciones y el secreto se ha eliminado.
receipt-state-burned = Eliminado por quien lo envió: el enlace ya no funciona.
receipt-state-expired = Caducado: se acabó su tiempo y el secreto se ha eliminado.
receipt-state-destroyed = Destruido tras demasiadas frases de contraseña incorrectas: el enlace ya no funciona.
receipt-created = Creado
receipt-expires = Caduca
receipt-views-used = Visualizaciones usadas: { $n }
receipt-history = Historial
receipt-no-events = Todavía no le ha pasado nada.
event-viewed = Abierto
event-passphrase-failed = Frase de contraseña incorrecta
event-burned = Eliminado por quien lo envió
event-expired = Caducado
event-destroyed = Destruido
receipt-delete = Eliminar ahora
receipt-delete-note = No se puede deshacer: el enlace deja de funcionar al instante, para todos.
receipt-not-found = Recibo no encontrado: nunca existió o es más antiguo que su periodo de conservación.

back-home = Volver al inicio

## Zero-knowledge links

footer-zk = Cifrado en el navegador. La clave solo está en el enlace, tras el #, que los navegadores nunca envían: el servidor nunca ve el secreto y no guarda nada que pueda leer.
footer-form = Con JavaScript activado, este formulario cifra en tu navegador y el servidor nunca ve el secreto. Sin él, cifra el servidor (formato SnapPass) y ve el secreto mientras atiende la petición.
form-passphrase-label = Frase de contraseña (opcional)
form-passphrase-hint = Quien lo reciba también tendrá que escribirla. Nunca sale de tu navegador; envíala por separado del enlace.
form-working = Cifrando en tu navegador…
form-failed = No se pudo crear el secreto; no se guardó nada. Inténtalo de nuevo.
link-kind-zk = Enlace de conocimiento cero: cifrado en tu navegador. La clave es la parte tras el #, que nunca se envía al servidor.
link-kind-server = Enlace cifrado por el servidor (formato SnapPass): el servidor cifró el secreto. Lo vio al crear el enlace y lo verá de nuevo cuando se abra; no guarda nada que pueda leer.
link-passphrase-note = Este enlace también necesita la frase de contraseña. Envíala por otro canal.
zk-preview-intro = Este secreto se cifró en el navegador de quien lo envió y se descifra en el tuyo: el servidor no puede leerlo. Revélalo solo cuando estés listo para guardarlo en un lugar seguro.
zk-needs-js = Para abrir este enlace hace falta JavaScript: el secreto se descifra en tu navegador con la clave del enlace, que el servidor nunca recibe. No se ha revelado ni gastado nada. Activa JavaScript para este sitio o abre el enlace con el cliente de línea de órdenes (hushlink get).
zk-needs-https = Esta página no puede descifrar aquí: los navegadores solo permiten la criptografía que necesita en HTTPS (o localhost). No se ha revelado ni gastado nada. Abre el enlace por HTTPS o con el cliente de línea de órdenes (hushlink get).
zk-passphrase-label = Frase de contraseña
zk-working = Descifrando…
zk-wrong-passphrase = Frase de contraseña incorrecta. No se reveló nada y el enlace sigue funcionando. Intentos restantes: { $n }.
zk-destroyed = Demasiadas frases incorrectas: el secreto se ha destruido y el enlace ya no funciona.
zk-decrypt-failed = El secreto llegó pero no se pudo descifrar: puede haber sido alterado. Pide a quien lo envió que lo comparta de nuevo.
zk-binary = Este secreto es un archivo (datos binarios).
zk-download = Descargarlo

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Inicie sesión para enviar un secreto
signin-intro = Aquí solo las personas de esta organización pueden crear secretos. Cualquiera con un enlace puede abrirlo, sin cuenta.
signin-button = Iniciar sesión
signin-unavailable = El inicio de sesión no está disponible ahora, así que no se pueden crear secretos. Vuelva a intentarlo en unos minutos.
signin-refused = Su cuenta no tiene permiso para enviar secretos aquí. Consulte a su administrador si lo necesita.
signin-failed = El inicio de sesión no se completó. Vuelva a empezar.
signed-in-as = Sesión iniciada como
sign-out = Cerrar sesión
keys-link = Mis claves de API
keys-heading = Sus claves de API
keys-intro = Claves para el cliente de línea de comandos y los scripts: pueden crear secretos y nada más. Una clave nueva se muestra solo una vez.
keys-name-label = Nombre de la clave
keys-create = Crear clave
keys-new = Su nueva clave. Cópiela ahora: no se volverá a mostrar.
keys-none = Todavía no tiene claves de API.
keys-revoke = Revocar
keys-invalid = Elija otro nombre: de 1 a 64 letras, cifras, puntos, guiones o guiones bajos, que no esté ya en uso.
