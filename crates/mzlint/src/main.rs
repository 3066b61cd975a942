fn main() -> std::process::ExitCode {
    mzlint::main()
}
