# Bootstraps a running hushlink server and makes a CI API key, by running
# examples/shell/bootstrap.sh (idempotent) once. Needs no providers.
terraform {
  required_version = ">= 1.4" # terraform_data
}

variable "hushlink_url" {
  description = "Base URL of the hushlink server, e.g. https://hushlink.example.com"
  type        = string
}

variable "bootstrap_token" {
  description = "The server's HUSHLINK_BOOTSTRAP_TOKEN (set TF_VAR_bootstrap_token)"
  type        = string
  sensitive   = true
}

variable "state_dir" {
  description = "Where bootstrap.sh keeps admin.key and ci.key (mode 0600)"
  type        = string
  default     = "./hushlink-keys"
}

resource "terraform_data" "hushlink_bootstrap" {
  # Runs again when the server changes. The token is deliberately not a
  # trigger: anything here is stored in the state.
  triggers_replace = [var.hushlink_url, var.state_dir]

  provisioner "local-exec" {
    command = "${path.module}/../shell/bootstrap.sh"
    environment = {
      HUSHLINK_URL             = var.hushlink_url
      HUSHLINK_BOOTSTRAP_TOKEN = var.bootstrap_token
      STATE_DIR                = var.state_dir
    }
  }
}

output "admin_key_file" {
  value = "${var.state_dir}/admin.key"
}

output "ci_key_file" {
  value = "${var.state_dir}/ci.key"
}
