fn main() {
    #[cfg(target_arch = "wasm32")]
    soc_readiness::app::start();
}
