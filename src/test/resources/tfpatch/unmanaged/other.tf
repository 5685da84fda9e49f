# A file about something else: no perimeter here.
resource "google_storage_bucket" "logs" {
  name     = "gdc-logs"
  location = "US"
}
