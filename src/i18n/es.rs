//! Spanish.
use super::Strings;

pub static STRINGS: Strings = Strings {
    code: "es",
    title: "hushlink · comparte un secreto",
    brand: "hushlink",
    tagline: "Comparte un secreto mediante un enlace que solo funciona una vez.",
    footer: "La clave de tu secreto solo está en el enlace. El servidor no guarda nada que pueda leer.",

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
    form_too_large: "Este secreto ocupa {size} bytes y este servidor acepta {limit} bytes como máximo. No se ha guardado nada: acórtalo o divídelo en partes.",
    form_views_invalid: "Las visualizaciones permitidas deben ser un número entero del 1 al 100.",
    form_kept: "Tu secreto sigue en el formulario de abajo; no se ha guardado nada.",

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

    bad_request_heading: "No se puede responder a esta solicitud",
    bad_request_body: "Esta dirección no se usa de esa forma, o la solicitud indicó un host que este servidor no puede poner en un enlace. Vuelve a empezar desde la página de inicio.",

    too_large_heading: "Ese secreto es demasiado grande",
    too_large_body: "Este servidor acepta secretos de {limit} bytes como máximo. No se ha guardado nada: comparte un secreto más pequeño o divídelo en partes.",

    unavailable_heading: "No disponible temporalmente",
    unavailable_body: "El servidor no puede acceder a su almacenamiento en este momento. No se ha modificado nada. Vuelve a intentarlo en unos instantes.",

    back_home: "Volver al inicio",
};
