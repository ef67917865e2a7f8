//! The coding driver shared by `code` and `ingest`: reads articles in
//! batches, codes each batch on a thread pool, and hands results on in input
//! order, so output is identical whatever the number of threads. Memory is
//! bounded by the batch size, not the input size.

use accord_coder::{CodedArticle, Coder, Scratch};
use accord_text::{Article, ArticleReader, Date, InputError, InputItem};
use anyhow::Result;
use rayon::prelude::*;

/// Codes a stream of articles.
pub struct CodingDriver<'c, 'd> {
    coder: &'c Coder<'d>,
    date: Option<Date>,
    batch: usize,
    pool: Option<rayon::ThreadPool>,
}

impl<'c, 'd> CodingDriver<'c, 'd> {
    /// `threads == 1` codes on the calling thread; `0` uses every core.
    pub fn new(
        coder: &'c Coder<'d>,
        date: Option<Date>,
        threads: usize,
        batch: usize,
    ) -> Result<Self> {
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        };
        let pool = if threads > 1 {
            Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()?,
            )
        } else {
            None
        };
        Ok(CodingDriver {
            coder,
            date,
            batch: batch.max(1),
            pool,
        })
    }

    /// Runs over `reader`. `on_error` gets each bad input; `skip` may drop an
    /// article before it is coded (already stored); `sink` gets each coded
    /// article in input order.
    pub fn run(
        &self,
        reader: ArticleReader,
        mut on_error: impl FnMut(&InputError),
        mut skip: impl FnMut(&Article) -> Result<bool>,
        render: impl Fn(&CodedArticle) -> Vec<u8> + Sync,
        mut sink: impl FnMut(Article, CodedArticle, Vec<u8>) -> Result<()>,
    ) -> Result<()> {
        let mut code_batch = |items: Vec<InputItem>, scratch: &mut Scratch| -> Result<()> {
            let mut batch: Vec<Article> = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Ok(a) => {
                        if !skip(&a)? {
                            batch.push(a);
                        }
                    }
                    Err(e) => on_error(&e),
                }
            }
            // Rendering (e.g. JSON) happens on the workers too, so the main
            // thread only writes bytes in order.
            let code_one = |s: &mut Scratch, a: &Article| {
                let c = self.coder.code_article(a, self.date, s);
                let bytes = render(&c);
                (c, bytes)
            };
            let coded: Vec<(CodedArticle, Vec<u8>)> = match &self.pool {
                Some(pool) => pool.install(|| {
                    batch
                        .par_iter()
                        .map_init(Scratch::default, code_one)
                        .collect()
                }),
                None => batch.iter().map(|a| code_one(scratch, a)).collect(),
            };
            for (a, (c, bytes)) in batch.into_iter().zip(coded) {
                sink(a, c, bytes)?;
            }
            Ok(())
        };
        let mut scratch = Scratch::default();
        if self.pool.is_none() {
            let mut reader = reader;
            loop {
                let items: Vec<InputItem> = reader.by_ref().take(self.batch).collect();
                if items.is_empty() {
                    return Ok(());
                }
                code_batch(items, &mut scratch)?;
            }
        }
        // With several threads, reading and parsing the next batch overlaps coding this one.
        let size = self.batch;
        std::thread::scope(|scope| -> Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<InputItem>>(2);
            scope.spawn(move || {
                let mut reader = reader;
                loop {
                    let items: Vec<InputItem> = reader.by_ref().take(size).collect();
                    if items.is_empty() || tx.send(items).is_err() {
                        break;
                    }
                }
            });
            for items in rx {
                code_batch(items, &mut scratch)?;
            }
            Ok(())
        })
    }
}
