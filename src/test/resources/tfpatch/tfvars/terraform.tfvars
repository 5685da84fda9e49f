policy   = "111"
projects = ["projects/123456789012"]
restricted_services = [
  "storage.googleapis.com",
  "compute.googleapis.com",
]
