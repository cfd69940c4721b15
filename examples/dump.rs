fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    match briefdesk::parse::parse_brief(&text) {
        Ok(b) => println!("{}", serde_json::to_string_pretty(&b).unwrap()),
        Err(e) => println!("ERROR {e}"),
    }
}
