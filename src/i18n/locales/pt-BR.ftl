# hushlink: the pages' strings in Portuguese (Brazil); also offered to other
# Portuguese readers.
# Message ids are the `Strings` field names with `-` for `_` (src/i18n/mod.rs).
# `{ $n }` is a number of views. Keep the product's tone: short, plain, exact.

title = hushlink · compartilhe um segredo
brand = hushlink
tagline = Compartilhe um segredo por um link que funciona uma única vez.
footer = Criptografado pelo servidor (formato SnapPass). A chave existe apenas no link; o servidor vê o segredo enquanto o cria e o mostra, e não guarda nada que consiga ler.

form-heading = Compartilhar um segredo
form-intro = Cole uma senha ou qualquer outro segredo. Você recebe um link que o mostra uma vez; depois, o segredo é apagado.
form-secret-label = Segredo
form-secret-placeholder = Digite ou cole o segredo aqui
form-ttl-label = Expira em
ttl-two-weeks = Duas semanas
ttl-week = Uma semana
ttl-day = Um dia
ttl-hour = Uma hora
form-views-label = Visualizações permitidas
form-views-hint = Quantas vezes o link pode ser aberto antes que o segredo seja apagado.
form-submit = Criar link
form-too-large = Este segredo tem { $size } bytes, e este servidor aceita no máximo { $limit } bytes. Nada foi guardado: encurte-o ou divida-o em partes.
form-views-invalid = As visualizações permitidas devem ser um número inteiro de 1 a 100.
form-kept = Seu segredo continua no formulário abaixo; nada foi guardado.

link-heading = Seu link está pronto
link-intro = Envie este link para a pessoa que precisa do segredo. Ele só funciona quantas vezes você permitiu e expira sozinho.
link-label = Link secreto
link-qr-label = Código QR do link
link-another = Compartilhar outro segredo

copy = Copiar
copied = Copiado

preview-heading = Alguém compartilhou um segredo com você
preview-intro = Mostre-o só quando estiver pronto para guardá-lo em um lugar seguro: depois de mostrado, ele pode sumir para sempre.
preview-views-left = Visualizações restantes: { $n }
preview-reveal = Mostrar segredo

reveal-heading = Seu segredo
reveal-label = Segredo
reveal-gone = Este segredo acaba de ser apagado do servidor, e o link não funciona mais. Guarde-o em um lugar seguro antes de sair desta página.
reveal-views-left = Visualizações restantes deste link: { $n }.

not-found-heading = Segredo não encontrado
not-found-body = Este link não contém nenhum segredo. Ele pode já ter sido visto, pode ter expirado ou nunca ter existido.
not-found-hint = Se alguém enviou este link para você, peça que compartilhe o segredo de novo.

damaged-heading = Este link está danificado ou incompleto
damaged-body = O link aponta para um segredo, mas uma parte dele está faltando ou foi alterada, então o segredo não pode ser aberto. Ele não foi apagado: copie o link inteiro de novo ou peça a quem enviou que o envie outra vez.

invalid-heading = Falta alguma coisa
invalid-body = Digite um segredo e escolha por quanto tempo ele deve durar.

bad-request-heading = Não é possível responder a esta solicitação
bad-request-body = Este endereço não é usado dessa forma, ou a solicitação indicou um host que este servidor não pode colocar em um link. Comece de novo pela página inicial.

too-large-heading = Esse segredo é grande demais
too-large-body = Este servidor aceita segredos de no máximo { $limit } bytes. Nada foi guardado: compartilhe um segredo menor ou divida-o em partes.

unavailable-heading = Temporariamente indisponível
unavailable-body = O servidor não consegue acessar o armazenamento agora. Nada foi alterado. Tente de novo em instantes.
over-quota-heading = Cota de armazenamento atingida
over-quota-body = Este servidor já guarda tantos segredos quanto sua cota de armazenamento permite. Nada foi guardado. O espaço volta quando segredos são abertos ou expiram: tente de novo mais tarde.
too-many-creates-heading = Segredos demais
too-many-creates-body = Foram criados segredos demais a partir deste endereço. Nada foi guardado. Tente de novo em { $n } segundos.

link-receipt = Acompanhar ou apagar este segredo (guarde este link só para você)
receipt-heading = O que aconteceu com o seu segredo
receipt-intro = Esta página é só para quem enviou o segredo: guarde o endereço só para você. Ela mostra o que aconteceu com o segredo, nunca o segredo em si nem quem o abriu.
receipt-state-available = Ainda disponível: o link funciona.
receipt-state-viewed = Visualizado: todas as visualizações foram usadas e o segredo foi apagado.
receipt-state-burned = Apagado por quem enviou: o link não funciona mais.
receipt-state-expired = Expirado: o prazo acabou e o segredo foi apagado.
receipt-state-destroyed = Destruído após frases secretas erradas demais: o link não funciona mais.
receipt-created = Criado
receipt-expires = Expira
receipt-views-used = Visualizações usadas: { $n }
receipt-history = Histórico
receipt-no-events = Nada aconteceu com ele ainda.
event-viewed = Aberto
event-passphrase-failed = Frase secreta errada
event-burned = Apagado por quem enviou
event-expired = Expirado
event-destroyed = Destruído
receipt-delete = Apagar agora
receipt-delete-note = Não dá para desfazer: o link para de funcionar na hora, para todo mundo.
receipt-not-found = Recibo não encontrado: ele nunca existiu ou é mais antigo que o período de retenção.

back-home = Voltar ao início

## Zero-knowledge links

footer-zk = Criptografado no navegador. A chave existe apenas no link, depois do #, que os navegadores nunca enviam: o servidor nunca vê o segredo e não guarda nada que consiga ler.
footer-form = Com o JavaScript ativado, este formulário criptografa no seu navegador e o servidor nunca vê o segredo. Sem ele, o servidor criptografa (formato SnapPass) e vê o segredo enquanto atende à solicitação.
form-passphrase-label = Frase secreta (opcional)
form-passphrase-hint = Quem receber também precisará digitá-la. Ela nunca sai do seu navegador; envie-a separadamente do link.
form-working = Criptografando no seu navegador…
form-failed = Não foi possível criar o segredo; nada foi guardado. Tente de novo.
link-kind-zk = Link de conhecimento zero: criptografado no seu navegador. A chave é a parte depois do #, que nunca é enviada ao servidor.
link-kind-server = Link criptografado pelo servidor (formato SnapPass): o servidor criptografou o segredo. Ele viu o segredo ao criar o link e o verá de novo quando o link for aberto; não guarda nada que consiga ler.
link-passphrase-note = Este link também precisa da frase secreta. Envie-a por outro canal.
zk-preview-intro = Este segredo foi criptografado no navegador de quem o enviou e é descriptografado no seu: o servidor não consegue lê-lo. Mostre-o só quando estiver pronto para guardá-lo em um lugar seguro.
zk-needs-js = Para abrir este link é preciso JavaScript: o segredo é descriptografado no seu navegador com a chave que está no link, que o servidor nunca recebe. Nada foi mostrado nem usado. Ative o JavaScript para este site ou abra o link com o cliente de linha de comando do hushlink (hushlink get).
zk-needs-https = Esta página não consegue descriptografar aqui: os navegadores só permitem a criptografia de que ela precisa em HTTPS (ou localhost). Nada foi mostrado nem usado. Abra o link por HTTPS ou com o cliente de linha de comando do hushlink (hushlink get).
zk-passphrase-label = Frase secreta
zk-working = Descriptografando…
zk-wrong-passphrase = Frase secreta incorreta. Nada foi mostrado e o link continua funcionando. Tentativas restantes: { $n }.
zk-destroyed = Frases secretas incorretas demais: o segredo foi destruído e o link não funciona mais.
zk-decrypt-failed = O segredo chegou, mas não pôde ser descriptografado: ele pode ter sido alterado. Peça a quem o enviou que o compartilhe de novo.
zk-binary = Este segredo é um arquivo (dados binários).
zk-download = Baixar

# Sign-in for senders (HUSHLINK_OIDC_*).
signin-heading = Entre para enviar um segredo
signin-intro = Aqui, somente pessoas desta organização podem criar segredos. Qualquer pessoa com um link ainda pode abri-lo, sem conta.
signin-button = Entrar
signin-unavailable = O login não está disponível agora, então não é possível criar segredos. Tente novamente em alguns minutos.
signin-refused = Sua conta não tem permissão para enviar segredos aqui. Fale com o administrador, se precisar.
signin-failed = O login não foi concluído. Comece de novo.
signed-in-as = Conectado como
sign-out = Sair
keys-link = Minhas chaves de API
keys-heading = Suas chaves de API
keys-intro = Chaves para o cliente de linha de comando e scripts: elas criam segredos e nada mais. Uma chave nova é mostrada só uma vez.
keys-name-label = Nome da chave
keys-create = Criar chave
keys-new = Sua nova chave. Copie agora: ela não será mostrada de novo.
keys-none = Você ainda não tem chaves de API.
keys-revoke = Revogar
keys-invalid = Escolha outro nome: de 1 a 64 letras, dígitos, pontos, hífens ou sublinhados, que não esteja em uso.
