//! Spanish.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "es",
    title: "hushlink · comparte un secreto",
    brand: "hushlink",
    tagline: "Comparte un secreto mediante un enlace que solo funciona una vez.",
    footer: "Cifrado por el servidor (formato SnapPass). La clave solo está en el enlace; el servidor ve el secreto mientras lo crea y lo revela, y no guarda nada que pueda leer.",
    footer_zk: "Cifrado en el navegador. La clave solo está en el enlace, tras el #, que los navegadores nunca envían: el servidor nunca ve el secreto y no guarda nada que pueda leer.",
    footer_form: "Con JavaScript activado, este formulario cifra en tu navegador y el servidor nunca ve el secreto. Sin él, cifra el servidor (formato SnapPass) y ve el secreto mientras atiende la petición.",

    form_heading: "Compartir un secreto",
    form_intro: "Pega una contraseña o cualquier otro secreto. Obtendrás un enlace que lo muestra una sola vez; después, el secreto se elimina.",
    form_secret_label: "Secreto",
    form_secret_placeholder: "Escribe o pega aquí el secreto",
    form_ttl_label: "Caduca en",
    ttl_two_weeks: "Dos semanas",
    ttl_week: "Una semana",
    ttl_day: "Un día",
    ttl_hour: "Una hora",
    form_views_label: "Visualizaciones permitidas",
    form_views_hint: "Cuántas veces se puede abrir el enlace antes de que se elimine el secreto.",
    form_submit: "Crear enlace",

    link_heading: "Tu enlace está listo",
    link_intro: "Envía este enlace a la persona que necesita el secreto. Solo funciona tantas veces como hayas permitido y caduca por sí solo.",
    link_label: "Enlace secreto",
    link_qr_label: "Código QR del enlace",
    link_another: "Compartir otro secreto",

    copy: "Copiar",
    copied: "Copiado",

    preview_heading: "Alguien ha compartido un secreto contigo",
    preview_intro: "Muéstralo solo cuando puedas guardarlo en un lugar seguro: una vez mostrado, puede que desaparezca para siempre.",
    preview_views_left: "Visualizaciones restantes: {n}",
    preview_reveal: "Mostrar el secreto",

    reveal_heading: "Tu secreto",
    reveal_label: "Secreto",
    reveal_gone: "Este secreto ya se ha eliminado del servidor y el enlace ha dejado de funcionar. Guárdalo en un lugar seguro antes de salir de esta página.",
    reveal_views_left: "Visualizaciones restantes de este enlace: {n}.",

    not_found_heading: "Secreto no encontrado",
    not_found_body: "Este enlace no contiene ningún secreto. Puede que ya se haya visto, que haya caducado o que nunca haya existido.",
    not_found_hint: "Si alguien te envió este enlace, pídele que vuelva a compartir el secreto.",

    damaged_heading: "Este enlace está dañado o incompleto",
    damaged_body: "El enlace apunta a un secreto, pero le falta una parte o se ha alterado, así que el secreto no se puede abrir. No se ha eliminado: vuelve a copiar el enlace completo o pide a quien te lo envió que te lo mande de nuevo.",

    invalid_heading: "Falta algo",
    invalid_body: "Escribe un secreto y elige durante cuánto tiempo debe estar disponible.",

    too_large_heading: "Ese secreto es demasiado grande",
    too_large_body: "Este servidor solo acepta secretos hasta un tamaño máximo. Comparte un secreto más pequeño o divídelo en partes.",

    unavailable_heading: "No disponible temporalmente",
    unavailable_body: "El servidor no puede acceder a su almacenamiento en este momento. No se ha modificado nada. Vuelve a intentarlo en unos instantes.",

    form_passphrase_label: "Frase de contraseña (opcional)",
    form_passphrase_hint: "Quien lo reciba también tendrá que escribirla. Nunca sale de tu navegador; envíala por separado del enlace.",
    form_working: "Cifrando en tu navegador…",
    form_failed: "No se pudo crear el secreto; no se guardó nada. Inténtalo de nuevo.",
    link_kind_zk: "Enlace de conocimiento cero: cifrado en tu navegador. La clave es la parte tras el #, que nunca se envía al servidor.",
    link_kind_server: "Enlace cifrado por el servidor (formato SnapPass): el servidor cifró el secreto. Lo vio al crear el enlace y lo verá de nuevo cuando se abra; no guarda nada que pueda leer.",
    link_passphrase_note: "Este enlace también necesita la frase de contraseña. Envíala por otro canal.",
    zk_preview_intro: "Este secreto se cifró en el navegador de quien lo envió y se descifra en el tuyo: el servidor no puede leerlo. Revélalo solo cuando estés listo para guardarlo en un lugar seguro.",
    zk_needs_js: "Para abrir este enlace hace falta JavaScript: el secreto se descifra en tu navegador con la clave del enlace, que el servidor nunca recibe. No se ha revelado ni gastado nada. Activa JavaScript para este sitio o abre el enlace con el cliente de línea de órdenes (hushlink get).",
    zk_needs_https: "Esta página no puede descifrar aquí: los navegadores solo permiten la criptografía que necesita en HTTPS (o localhost). No se ha revelado ni gastado nada. Abre el enlace por HTTPS o con el cliente de línea de órdenes (hushlink get).",
    zk_passphrase_label: "Frase de contraseña",
    zk_working: "Descifrando…",
    zk_wrong_passphrase: "Frase de contraseña incorrecta. No se reveló nada y el enlace sigue funcionando. Intentos restantes: {n}.",
    zk_destroyed: "Demasiadas frases incorrectas: el secreto se ha destruido y el enlace ya no funciona.",
    zk_decrypt_failed: "El secreto llegó pero no se pudo descifrar: puede haber sido alterado. Pide a quien lo envió que lo comparta de nuevo.",
    zk_binary: "Este secreto es un archivo (datos binarios).",
    zk_download: "Descargarlo",
    back_home: "Volver al inicio",
};
