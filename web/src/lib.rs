//! The Naastenmeter web app (built out in the web-app issue).
