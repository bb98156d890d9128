//! A QR code drawn as SVG paths by the app itself (qrcodegen, pure Rust):
//! no image service, no network.

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

/// Properties of [`QrCodeSvg`].
#[derive(Properties, PartialEq)]
pub struct QrProps {
    /// The text to encode.
    pub text: AttrValue,
    /// The accessible name of the image.
    pub label: AttrValue,
}

/// The SVG path of the dark modules, with a quiet zone of four modules.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let size = code.size();
    let mut d = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                d.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    Some((size + 2 * border, d))
}

/// A QR code of `text`, or nothing when the text is too long for a QR code.
#[component]
pub fn QrCodeSvg(props: &QrProps) -> Html {
    let Some((size, d)) = qr_path(&props.text) else {
        return html! {};
    };
    html! {
        <svg class="qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()}>
            <rect class="qr-light" x="0" y="0" width={size.to_string()} height={size.to_string()} />
            <path class="qr-dark" d={d} />
        </svg>
    }
}
