//! The format against `tests/vectors/zk-v1.json`, which an independent
//! implementation (pyca/cryptography, `tests/vectors/make_zk_v1.py`) wrote
//! from `docs/FORMAT.md`. The browser code runs the same file.

use serde_json::Value;

use super::*;

const VECTORS: &str = include_str!("../../tests/vectors/zk-v1.json");

fn vectors() -> Value {
    serde_json::from_str(VECTORS).expect("vectors parse")
}

fn bytes(v: &Value) -> Vec<u8> {
    unb64(v.as_str().expect("a string")).expect("base64url")
}

fn kdf_of(v: &Value) -> Kdf {
    match v["iterations"].as_u64() {
        None => Kdf::None,
        Some(n) => Kdf::Pbkdf2 {
            iterations: n as u32,
            salt: bytes(&v["salt"]).try_into().unwrap(),
        },
    }
}

fn passphrase(v: &Value) -> Option<Vec<u8>> {
    v.as_str().map(|p| p.as_bytes().to_vec())
}

#[test]
fn valid_vectors_derive_seal_and_open_exactly() {
    let all = vectors();
    let valid = all["valid"].as_array().unwrap();
    assert!(valid.len() >= 5);
    for v in valid {
        let name = v["name"].as_str().unwrap();
        let key = LinkKey::from_fragment(v["link_key"].as_str().unwrap()).unwrap();
        let kdf = kdf_of(v);
        let pass = passphrase(&v["passphrase"]);
        let keys = derive(&key, &kdf, pass.as_deref()).unwrap();
        assert_eq!(
            keys.enc_key().to_vec(),
            bytes(&v["enc_key"]),
            "{name}: enc key"
        );
        assert_eq!(keys.proof.to_vec(), bytes(&v["proof"]), "{name}: proof");
        assert_eq!(
            verifier(&keys.proof).to_vec(),
            bytes(&v["verifier"]),
            "{name}: verifier"
        );
        assert_eq!(
            key_check(&key).to_vec(),
            bytes(&v["key_check"]),
            "{name}: key check"
        );

        let content = Content {
            content_type: match v["content_type"].as_str().unwrap() {
                "text" => ContentType::Text,
                _ => ContentType::Binary,
            },
            name: v["file_name"].as_str().unwrap().to_owned(),
            data: bytes(&v["data"]),
        };
        assert_eq!(
            content.encode(),
            bytes(&v["plaintext"]),
            "{name}: plaintext"
        );
        let nonce: [u8; NONCE_LEN] = bytes(&v["nonce"]).try_into().unwrap();
        let sealed = seal_with_nonce(&key, &kdf, pass.as_deref(), &content, nonce).unwrap();
        assert_eq!(
            sealed.envelope.as_bytes(),
            bytes(&v["envelope"]).as_slice(),
            "{name}: envelope"
        );
        assert_eq!(sealed.verifier.to_vec(), bytes(&v["verifier"]));
        assert_eq!(sealed.key_check.to_vec(), bytes(&v["key_check"]));

        let parsed = Envelope::parse(bytes(&v["envelope"])).unwrap();
        assert_eq!(parsed.kdf, kdf, "{name}: header parsed");
        assert_eq!(
            open(&key, pass.as_deref(), &parsed).unwrap(),
            content,
            "{name}: opens"
        );
        assert!(verify_proof(&keys.proof, &sealed.verifier));
    }
}

#[test]
fn invalid_vectors_are_refused_with_their_reason() {
    for v in vectors()["invalid"].as_array().unwrap() {
        let name = v["name"].as_str().unwrap();
        let err = Envelope::parse(bytes(&v["envelope"])).expect_err(name);
        let expected = match v["error"].as_str().unwrap() {
            "version" => matches!(err, FormatError::UnknownVersion(_)),
            "unsupported-kind" => matches!(err, FormatError::UnsupportedKind(_)),
            "kind" => matches!(err, FormatError::UnknownKind(_)),
            "kdf" => matches!(err, FormatError::UnknownKdf(_)),
            "iterations" => err == FormatError::Iterations,
            "truncated" => err == FormatError::Truncated,
            other => panic!("unknown error class {other}"),
        };
        assert!(expected, "{name}: got {err:?}");
    }
}

#[test]
fn tampered_envelopes_do_not_open() {
    let all = vectors();
    let valid = all["valid"].as_array().unwrap();
    for t in all["tampered"].as_array().unwrap() {
        let name = t["name"].as_str().unwrap();
        let of = &valid[t["of"].as_u64().unwrap() as usize];
        let key = LinkKey::from_fragment(of["link_key"].as_str().unwrap()).unwrap();
        let envelope = match Envelope::parse(bytes(&t["envelope"])) {
            Ok(e) => e,
            Err(e) => panic!("{name}: should parse, got {e:?}"),
        };
        let pass = passphrase(&t["passphrase"]);
        assert_eq!(
            open(&key, pass.as_deref(), &envelope),
            Err(OpenError::Decrypt),
            "{name}"
        );
    }
}

#[test]
fn a_passphrase_secret_asks_for_it_and_wrong_proofs_fail() {
    let key = LinkKey::generate();
    let kdf = Kdf::Pbkdf2 {
        iterations: MIN_ITERATIONS,
        salt: [7; SALT_LEN],
    };
    let content = Content::guess(b"s3cret".to_vec());
    let sealed = seal(&key, &kdf, Some(b"right"), &content).unwrap();
    assert_eq!(
        open(&key, None, &sealed.envelope).unwrap_err(),
        OpenError::PassphraseNeeded
    );
    let wrong = derive(&key, &kdf, Some(b"wrong")).unwrap();
    assert!(!verify_proof(&wrong.proof, &sealed.verifier));
    let right = derive(&key, &kdf, Some(b"right")).unwrap();
    assert!(verify_proof(&right.proof, &sealed.verifier));
    assert_eq!(open_with(&right, &sealed.envelope).unwrap(), content);
}

#[test]
fn link_keys_are_exactly_43_base64url_characters() {
    let key = LinkKey::generate();
    let fragment = key.to_fragment();
    assert_eq!(fragment.len(), 43);
    assert_eq!(
        LinkKey::from_fragment(&fragment).unwrap().as_bytes(),
        key.as_bytes()
    );
    assert!(LinkKey::from_fragment(&fragment[..42]).is_err());
    assert!(LinkKey::from_fragment(&format!("{fragment}A")).is_err());
    // Standard base64's alphabet is not the link's.
    assert!(LinkKey::from_fragment(&format!("+{}", &fragment[1..])).is_err());
    assert!(LinkKey::from_fragment(&format!("/{}", &fragment[1..])).is_err());
}

#[test]
fn content_header_is_checked() {
    assert_eq!(Content::decode(vec![]), Err(OpenError::Content));
    assert_eq!(Content::decode(vec![3, 0, 0]), Err(OpenError::Content));
    assert_eq!(
        Content::decode(vec![1, 0, 5, b'a']),
        Err(OpenError::Content)
    );
    assert_eq!(
        Content::decode(vec![1, 0, 0, 0xff]),
        Err(OpenError::Content)
    );
    let binary = Content::decode(vec![2, 0, 1, b'n', 0xff]).unwrap();
    assert_eq!((binary.name.as_str(), binary.data), ("n", vec![0xff]));
}
